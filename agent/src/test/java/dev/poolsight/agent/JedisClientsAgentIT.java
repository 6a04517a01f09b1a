package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jedis client that pools connections, on each Jedis release the API allows, in a child JVM with the agent:
 * the legacy JedisPool, JedisPooled (5 to 7) and Jedis 7's RedisClient.
 */
class JedisClientsAgentIT {

    private static final TestRedis REDIS = TestRedis.get();

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("jedis5", "JedisPool"), Arguments.of("jedis5", "JedisPooled"),
                Arguments.of("jedis6", "JedisPool"), Arguments.of("jedis6", "JedisPooled"),
                Arguments.of("jedis7", "JedisPool"), Arguments.of("jedis7", "JedisPooled"),
                Arguments.of("jedis7", "RedisClient"));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("clients")
    void theClientsPoolIsNamedByItsServer(String host, String client) throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), client).finish();

        String pool = "pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].";
        assertThat(result.results().keySet()).filteredOn(key -> key.startsWith("pool["))
                .allMatch(key -> key.startsWith(pool));
        assertThat(result.count(pool + "borrows")).isGreaterThanOrEqualTo(100);
        assertThat(result.count("agentFailures")).isZero();
    }
}
