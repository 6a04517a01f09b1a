package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.testkit.TestRedisSentinel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

/**
 * The store on Sentinel. The master that Sentinels watch killed while appends run with REDIS_WAIT_REPLICAS=1: the
 * Sentinels promote a replica, the store follows them to it, appends resume, and nothing acknowledged is lost.
 */
class RedisSentinelFailoverTest {

    @Test
    void sentinelsThatDoNotAnswerFailTheStartNamingTheMasterAndTheVariable() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                RedisSettings.REDIS_SENTINELS, "127.0.0.1:1", RedisSettings.REDIS_SENTINEL_MASTER, "mymaster"));

        assertThatThrownBy(() -> RedisConversationMemory.create(settings, MemoryOptions.defaults()))
                .isInstanceOf(RedisUnavailableException.class)
                .hasMessageStartingWith("could not open a connection to Redis at Redis master mymaster (Sentinels"
                        + " 127.0.0.1:1): ");
    }

    @Test
    void acknowledgedAppendsSurviveTheKillOfTheMasterAndAppendsResumeOnTheNewOne() throws Exception {
        try (TestRedisSentinel sentinel = TestRedisSentinel.start(2);
             RedisConversationMemory memory = RedisConversationMemory.create(RedisSettings.fromEnvironment(Map.of(
                     RedisSettings.REDIS_SENTINELS, sentinel.sentinelsVariable(),
                     RedisSettings.REDIS_SENTINEL_MASTER, TestRedisSentinel.MASTER_NAME,
                     RedisSettings.REDIS_WAIT_REPLICAS, "1",
                     RedisSettings.REDIS_POOL_SIZE, "4",
                     RedisSettings.REDIS_CONNECT_TIMEOUT, "500ms")),
                     MemoryOptions.builder().keyPrefix("sentinel-failover").build())) {
            List<String> conversations = IntStream.range(0, 12).mapToObj(c -> "c" + c).collect(Collectors.toList());
            try (FailoverWriters writers = new FailoverWriters(memory, conversations, 3)) {
                Awaitility.await("appends before the kill").atMost(Duration.ofSeconds(60))
                        .until(() -> writers.acknowledgedCount() >= 200);
                HostAndPort first = sentinel.initialMaster();

                sentinel.kill(first);
                HostAndPort second = sentinel.awaitFailoverFrom(first);
                long atFailover = writers.acknowledgedCount();
                Awaitility.await("appends resumed on the new master").atMost(Duration.ofSeconds(60))
                        .until(() -> writers.acknowledgedCount() >= atFailover + 200);
                writers.stop();

                assertThat(second).isNotEqualTo(first);
                System.out.println("[sentinel failover] " + writers.assertNoAcknowledgedAppendLost());
            }
        }
    }
}
