package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactCount;
import dev.poolsight.core.tokens.TokenEstimator;
import dev.poolsight.testkit.TestRedisCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.MigrateParams;
import redis.clients.jedis.util.JedisClusterCRC16;

/** The store on a real Redis Cluster of three masters and three replicas. */
class RedisClusterMemoryTest {

    private static final int CONVERSATIONS = 1_000;
    private static final int MESSAGES_PER_CONVERSATION = 4;

    private static final TestRedisCluster CLUSTER = TestRedisCluster.shared();

    private static RedisSettings settings(Map<String, String> more) {
        Map<String, String> environment = new java.util.HashMap<>(more);
        environment.put(RedisSettings.REDIS_CLUSTER_NODES, CLUSTER.clusterNodesVariable());
        environment.put(RedisSettings.REDIS_POOL_SIZE, "8");
        return RedisSettings.fromEnvironment(environment);
    }

    private static MemoryOptions.Builder options(String prefix) {
        return MemoryOptions.builder().keyPrefix(prefix).tokenCounter(MemoryFixture.QUARTER_LENGTH);
    }

    @Test
    void aThousandConversationsSpreadOverEveryMasterAreReadBackWholeAndInOrder() throws Exception {
        String prefix = "spread";
        try (RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of()),
                options(prefix).build())) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer;
                done.add(writers.submit(() -> {
                    for (int c = first; c < CONVERSATIONS; c += 4) {
                        for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
                            memory.append("c" + c, List.of(Message.user("message " + m + " of c" + c).withId("m" + m)));
                        }
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();

            for (HostAndPort master : CLUSTER.initialMasters()) {
                try (Jedis jedis = new Jedis(master)) {
                    assertThat(jedis.keys(prefix + ":*")).as("keys on master %s", master)
                            .hasSizeGreaterThan(CONVERSATIONS / 10);
                }
            }
            for (int c = 0; c < CONVERSATIONS; c++) {
                int conversation = c;
                assertThat(memory.readAll("c" + c)).extracting(Message::id, Message::content)
                        .containsExactlyElementsOf(IntStream.range(0, MESSAGES_PER_CONVERSATION)
                                .mapToObj(m -> org.assertj.core.groups.Tuple.tuple("m" + m,
                                        "message " + m + " of c" + conversation)).toList());
                assertThat(memory.messageCount("c" + c)).isEqualTo(MESSAGES_PER_CONVERSATION);
            }
        }
    }

    @Test
    void appendsLoadTheirScriptOnTheNodeThatAnswersNoscript() {
        try (RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of()),
                options("noscript").build())) {
            memory.append("before", List.of(Message.user("first")));
            for (HostAndPort master : CLUSTER.servingMasters()) {
                try (Jedis jedis = new Jedis(master)) {
                    jedis.scriptFlush();
                }
            }

            for (int c = 0; c < 30; c++) {
                memory.append("after" + c, List.of(Message.user("second")));
            }

            assertThat(IntStream.range(0, 30).mapToLong(c -> memory.messageCount("after" + c)).sum()).isEqualTo(30);
        }
    }

    @Test
    void exactTokenCountsReplaceTheEstimatesOnTheNodeOfTheirConversation() {
        try (AsyncTokenCounter counter = new AsyncTokenCounter("cluster", MemoryFixture.QUARTER_LENGTH,
                new TokenEstimator(), new TokenCounterSettings(2, 1000));
             RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of()),
                     options("exact").asyncTokenCounter(counter).build())) {
            for (int c = 0; c < 30; c++) {
                memory.append("c" + c, List.of(Message.user("a message of forty characters, or so....")));
            }

            Awaitility.await("every estimate replaced").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(IntStream.range(0, 30).mapToLong(c -> memory.estimatedMessageCount("c" + c)).sum())
                            .isZero());
            assertThat(IntStream.range(0, 30).mapToLong(c -> memory.tokenCount("c" + c)).sum()).isEqualTo(30L * 10);
        }
    }

    @Test
    void exactCountsForConversationsInManySlotsAreAppliedTogetherEachOnItsNode() {
        try (AsyncTokenCounter counter = new AsyncTokenCounter("cluster-batch", MemoryFixture.QUARTER_LENGTH,
                new TokenEstimator(), new TokenCounterSettings(1, 1000));
             RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of()),
                     options("batch").asyncTokenCounter(counter).build())) {
            counter.close();
            List<ExactCount<RedisConversationMemory.CountedMessage>> counts = new ArrayList<>();
            for (int c = 0; c < 30; c++) {
                Message first = Message.user("one");
                Message second = Message.user("two");
                memory.append("c" + c, List.of(first, second));
                for (Message message : List.of(first, second)) {
                    counts.add(new ExactCount<>(new RedisConversationMemory.CountedMessage(
                            ConversationKeys.of("batch", "c" + c), message.id()), 7));
                }
            }

            memory.applyExactCounts(counts);

            assertThat(IntStream.range(0, 30).mapToLong(c -> memory.estimatedMessageCount("c" + c)).sum()).isZero();
            assertThat(IntStream.range(0, 30).mapToLong(c -> memory.tokenCount("c" + c))).containsOnly(14L);
        }
    }

    @Test
    void aConversationWhoseSlotMovesToAnotherMasterIsFollowedThroughAskAndThenMoved() {
        try (RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of()),
                options("moving").build())) {
            memory.append("c", List.of(Message.user("before").withId("m1")));
            int slot = JedisClusterCRC16.getSlot(ConversationKeys.of("moving", "c").messagesEncoded());
            List<HostAndPort> masters = CLUSTER.initialMasters();
            HostAndPort source = masters.get(slot * masters.size() / 16384);
            HostAndPort target = masters.get((masters.indexOf(source) + 1) % masters.size());
            try (Jedis from = new Jedis(source); Jedis to = new Jedis(target)) {
                String targetId = to.clusterMyId();
                to.clusterSetSlotImporting(slot, from.clusterMyId());
                from.clusterSetSlotMigrating(slot, targetId);
                from.migrate(target.getHost(), target.getPort(), 0, 5000, new MigrateParams(),
                        from.clusterGetKeysInSlot(slot, 100).toArray(String[]::new));

                // Mid-migration the keys are on the target, the slot still on the source, which answers ASK.
                assertThat(memory.readAll("c")).extracting(Message::id).containsExactly("m1");
                memory.append("c", List.of(Message.user("while moving").withId("m2")));

                for (HostAndPort master : masters) {
                    try (Jedis jedis = new Jedis(master)) {
                        jedis.clusterSetSlotNode(slot, targetId);
                    }
                }
            }

            // Now the source answers MOVED, and the store renews its map of slots.
            memory.append("c", List.of(Message.user("after").withId("m3")));
            assertThat(memory.readAll("c")).extracting(Message::id).containsExactly("m1", "m2", "m3");
            try (Jedis jedis = new Jedis(target)) {
                assertThat(jedis.llen(ConversationKeys.of("moving", "c").messagesEncoded())).isEqualTo(3);
            }
        }
    }

    @Test
    void seedNodesThatDoNotAnswerFailTheStartNamingThemAndTheirVariable() {
        RedisSettings settings = RedisSettings.fromEnvironment(
                Map.of(RedisSettings.REDIS_CLUSTER_NODES, "127.0.0.1:1"));

        assertThatThrownBy(() -> RedisConversationMemory.create(settings, options("unreachable").build()))
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessage("could not connect to Redis at Redis Cluster (seed nodes 127.0.0.1:1): connection refused;"
                        + " is it running? (REDIS_CLUSTER_NODES names the server)");
    }

    @Test
    void aClusterLoginThatFailsDoesNotShowThePassword() {
        Throwable failure = catchThrowable(() -> {
            try (RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of(
                    RedisSettings.REDIS_USERNAME, "app", RedisSettings.REDIS_PASSWORD, "s3cret-pw")),
                    options("login").build())) {
                memory.append("c", List.of(Message.user("never stored")));
            }
        });

        assertThat(failure).isNotNull();
        assertThat(messagesOf(failure)).doesNotContain("s3cret-pw");
    }

    private static String messagesOf(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(messagesOf(suppressed));
            }
        }
        return text.toString();
    }

    @Test
    void anAppendThatEnoughReplicasAcknowledgeSucceeds() {
        try (RedisConversationMemory memory = RedisConversationMemory.create(
                settings(Map.of(RedisSettings.REDIS_WAIT_REPLICAS, "1")), options("wait-one").build())) {
            assertThat(memory.append("c", List.of(Message.user("safe"))).messageCount()).isEqualTo(1);
        }
    }

    @Test
    void anAppendThatTooFewReplicasAcknowledgeFailsSayingWhatWasConfirmed() {
        try (RedisConversationMemory memory = RedisConversationMemory.create(settings(Map.of(
                // a second for the one replica there is: 200 ms was missed once on a busy machine ("only 0 of 2")
                RedisSettings.REDIS_WAIT_REPLICAS, "2", RedisSettings.REDIS_COMMAND_TIMEOUT, "2s")),
                options("wait-two").build())) {
            assertThatThrownBy(() -> memory.append("c", List.of(Message.user("stored, not safe"))))
                    .isInstanceOf(ReplicationNotConfirmedException.class)
                    .hasMessageMatching("the append to conversation \"c\" was written on the master at"
                            + " redis://127\\.0\\.0\\.1:[0-9]+, but only 1 of the 2 replicas that REDIS_WAIT_REPLICAS=2"
                            + " asks for acknowledged it within 1s \\(half of REDIS_COMMAND_TIMEOUT=2s\\): the"
                            + " message is stored, but a failover before a replica has it would lose it");
            assertThat(memory.readAll("c")).extracting(Message::content).containsExactly("stored, not safe");
        }
    }
}
