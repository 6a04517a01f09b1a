package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real Jedis pool against real Redis in a child JVM with the agent: Jedis 5.2, 6.2, 7.x; Java 17 and 25. Timings
 * are checked on Commons Pool 2.11.1 (the "jedis5" host's, where the agent times borrows itself) and 2.13.1 (the
 * "jedis7" host's, where it takes the pool's own timings).
 */
class JedisPoolAgentIT {

    private static final TestRedis REDIS = TestRedis.get();

    static Stream<Arguments> jedisVersionsAndJdks() {
        return Stream.of(
                Arguments.of("jedis5", "17", HostJvm.JAVA_17),
                Arguments.of("jedis6", "17", HostJvm.JAVA_17),
                Arguments.of("jedis7", "17", HostJvm.JAVA_17),
                Arguments.of("jedis5", "25", HostJvm.JAVA_25),
                Arguments.of("jedis7", "25", HostJvm.JAVA_25));
    }

    /** Commons Pool 2.11.1 and 2.13.1, on both Java versions. */
    static Stream<Arguments> poolGenerationsAndJdks() {
        return Stream.of(
                Arguments.of("jedis5", "17", HostJvm.JAVA_17),
                Arguments.of("jedis7", "17", HostJvm.JAVA_17),
                Arguments.of("jedis5", "25", HostJvm.JAVA_25),
                Arguments.of("jedis7", "25", HostJvm.JAVA_25));
    }


    private static String pool() {
        return "pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].";
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("jedisVersionsAndJdks")
    void aThousandBorrowsAreAThousandBorrowsAndAThousandReturns(String host, String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);

        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "borrows").finish();

        assertThat(result.count(pool() + "borrows")).isEqualTo(1000);
        assertThat(result.count(pool() + "returns")).isEqualTo(1000);
        assertThat(result.count(pool() + "exhaustions")).isZero();
        assertThat(result.count(pool() + "borrowFailures")).isZero();
        assertThat(result.count(pool() + "maxTotal")).isEqualTo(8);
        assertThat(result.count("agentFailures")).isZero();
        assertThat(result.stderr()).contains("[poolsight] agent started");
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("poolGenerationsAndJdks")
    void theExhaustionCountIsExactlyTheExhaustionErrorsTheApplicationCaught(String host, String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);

        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "exhaustion").finish();

        long caught = result.count("caughtExhaustions");
        assertThat(caught).isPositive();
        assertThat(result.count(pool() + "exhaustions")).isEqualTo(caught);
        assertThat(result.count(pool() + "borrows")).isEqualTo(result.count("served"));
        assertThat(result.count(pool() + "returns")).isEqualTo(result.count("served"));
        assertThat(result.number(pool() + "waitMaxMillis")).isGreaterThanOrEqualTo(19.0);
        assertThat(result.count(pool() + "waitCount")).isEqualTo(result.count("served") + caught);
        assertThat(result.number(pool() + "peakUtilization")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("poolGenerationsAndJdks")
    void holdAndWaitTimesArePlausibleForAKnownHoldTime(String host, String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);

        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "holds").finish();

        assertThat(result.count(pool() + "holdCount")).isEqualTo(100);
        assertThat(result.number(pool() + "holdP50Millis")).isBetween(5.0, 100.0);
        assertThat(result.number(pool() + "holdP99Millis")).isGreaterThanOrEqualTo(result.number(pool() + "holdP50Millis"));
        assertThat(result.number(pool() + "waitP50Millis")).isLessThan(5.0);
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("poolGenerationsAndJdks")
    void aConnectionHeldPastTheLeakThresholdIsASuspectWithItsBorrowingStack(String host, String jdk, Path java)
            throws Exception {
        HostJvm.requireInstalled(jdk, java);

        HostJvm.Result result = HostJvm.on(java).withAgent("leakThreshold=50ms").classPath(host)
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "leak").finish();

        assertThat(result.count("suspectsWhileHeld")).isEqualTo(1);
        assertThat(result.get("suspectStack")).contains("JedisHost.borrowAndForget");
        assertThat(result.count("suspectsAfterReturn")).isZero();
        assertThat(result.count(pool() + "borrows")).isEqualTo(11);
        assertThat(result.count(pool() + "returns")).isEqualTo(11);
        assertThat(result.count("agentFailures")).isZero();
    }
}
