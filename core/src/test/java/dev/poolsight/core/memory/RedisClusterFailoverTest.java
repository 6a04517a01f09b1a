package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.testkit.TestRedisCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A master of a real Redis Cluster killed while appends run with REDIS_WAIT_REPLICAS=1: its replica takes over,
 * appends resume, and nothing acknowledged is lost.
 */
class RedisClusterFailoverTest {

    private static final String PREFIX = "failover";
    /** TestRedisCluster gives the first master the first third of the slots. */
    private static final int FIRST_MASTERS_LAST_SLOT = 16384 / 3 - 1;

    @Test
    void acknowledgedAppendsSurviveTheKillOfAMasterAndAppendsResumeOnItsReplica() throws Exception {
        try (TestRedisCluster cluster = TestRedisCluster.start(3);
             RedisConversationMemory memory = RedisConversationMemory.create(RedisSettings.fromEnvironment(Map.of(
                     RedisSettings.REDIS_CLUSTER_NODES, cluster.clusterNodesVariable(),
                     RedisSettings.REDIS_WAIT_REPLICAS, "1",
                     RedisSettings.REDIS_POOL_SIZE, "4",
                     RedisSettings.REDIS_CONNECT_TIMEOUT, "500ms")),
                     MemoryOptions.builder().keyPrefix(PREFIX).build())) {
            List<String> conversations = IntStream.range(0, 30).mapToObj(c -> "c" + c).collect(Collectors.toList());
            String onVictim = conversations.stream()
                    .filter(c -> JedisClusterCRC16.getSlot(ConversationKeys.of(PREFIX, c).messagesEncoded())
                            <= FIRST_MASTERS_LAST_SLOT)
                    .findFirst().orElseThrow();
            HostAndPort victim = cluster.initialMasters().get(0);
            try (FailoverWriters writers = new FailoverWriters(memory, conversations, 3)) {
                Awaitility.await("appends before the kill").atMost(Duration.ofSeconds(60))
                        .until(() -> writers.acknowledgedIn(onVictim) >= 10);

                cluster.kill(victim);
                cluster.awaitFailoverOf(victim);
                long allAtFailover = writers.acknowledgedCount();
                Awaitility.await("appends resumed on the other masters").atMost(Duration.ofSeconds(60))
                        .until(() -> writers.acknowledgedCount() >= allAtFailover + 100);
                // The promoted replica has no replica of its own until the killed node rejoins as one: until then
                // no append to its slots can be acknowledged by a replica.
                cluster.restart(victim);
                long onVictimAfterRestart = writers.acknowledgedIn(onVictim);
                Awaitility.await("appends resumed on the new master").atMost(Duration.ofSeconds(60))
                        .until(() -> writers.acknowledgedIn(onVictim) >= onVictimAfterRestart + 10);
                writers.stop();

                assertThat(cluster.servingMasters()).doesNotContain(victim).hasSize(3);
                System.out.println("[cluster failover] " + writers.assertNoAcknowledgedAppendLost());
            }
        }
    }
}
