package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jedis client that pools connections, on each Jedis release the API allows, in a child JVM with the agent:
 * the legacy JedisPool, JedisPooled (5 to 7) and Jedis 7's RedisClient; and the commands the agent times over
 * them, by name and by kind of failure, with no Byte Buddy at start-up on the Jedis releases the agent carries
 * prewoven.
 */
class JedisClientsAgentIT {

    private static final TestRedis REDIS = TestRedis.get();
    /** The agent's own Byte Buddy, relocated; {@code -Xlog:class+load} names each of its classes as it loads. */
    private static final String AGENTS_BYTE_BUDDY = " dev.poolsight.agent.shaded.bytebuddy.";

    static Stream<Arguments> clients() {
        return Stream.of(
                Arguments.of("jedis5", "JedisPool"), Arguments.of("jedis5", "JedisPooled"),
                Arguments.of("jedis6", "JedisPool"), Arguments.of("jedis6", "JedisPooled"),
                Arguments.of("jedis7", "JedisPool"), Arguments.of("jedis7", "JedisPooled"),
                Arguments.of("jedis7", "RedisClient"));
    }

    /** The test hosts whose Jedis (5.2, 6.2, 7.4) the agent carries prewoven, on each JDK. */
    static Stream<Arguments> prewovenReleasesOnEachJdk() {
        return Stream.of("jedis5", "jedis6", "jedis7")
                .flatMap(host -> HostJvm.jdks().map(jdk -> Arguments.of(host, jdk.get()[0], jdk.get()[1])));
    }

    private static String server() {
        return "redis://" + REDIS.host() + ":" + REDIS.port();
    }

    /** 100 GETs through a JedisPooled, with the agent's defaults, the JVM naming each class it loads on stdout. */
    private static HostJvm.Result getsLoggingClassLoads(Path java, String host) throws Exception {
        return HostJvm.on(java).jvmOptions("-Xlog:class+load").withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), "JedisPooled").finish();
    }

    private static long byteBuddyClassesLoaded(HostJvm.Result result) {
        return result.stdout().lines().filter(line -> line.contains(AGENTS_BYTE_BUDDY)).count();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("clients")
    void theClientsPoolIsNamedByItsServerAndEachGetIsCountedOnce(String host, String client) throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath(host)
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), client).finish();

        String pool = "pool[" + server() + "].";
        assertThat(result.results().keySet()).filteredOn(key -> key.startsWith("pool["))
                .allMatch(key -> key.startsWith(pool));
        assertThat(result.count(pool + "borrows")).isGreaterThanOrEqualTo(100);
        assertThat(result.count("commands[" + server() + "].GET.count")).isEqualTo(100);
        assertThat(result.count("commands[" + server() + "].GET.errors")).isZero();
        assertThat(result.count("agentFailures")).isZero();
    }

    @Test
    void commandsAreTimedAfterADynamicAttachToAJvmWhoseJedisIsLoaded() throws Exception {
        HostJvm host = HostJvm.on(HostJvm.JAVA_17).classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), "attach").start();
        host.awaitLine("READY");

        Process attach = new ProcessBuilder(HostJvm.JAVA_17.toString(), "-jar", HostJvm.AGENT_JAR.toString(),
                "attach", Long.toString(host.pid())).redirectErrorStream(true).start();
        String attachOutput = new String(attach.getInputStream().readAllBytes());
        assertThat(attach.waitFor()).as(attachOutput).isZero();
        host.send("GO");
        HostJvm.Result result = host.finish();

        assertThat(result.count("commands[" + server() + "].GET.count")).isEqualTo(100);
        assertThat(result.count("agentFailures")).isZero();
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("prewovenReleasesOnEachJdk")
    void onAJedisReleaseTheAgentWasBuiltForCommandsAreTimedWithoutLoadingByteBuddy(String host, String jdk, Path java)
            throws Exception {
        HostJvm.requireInstalled(jdk, java);

        HostJvm.Result result = getsLoggingClassLoads(java, host);

        assertThat(result.count("commands[" + server() + "].GET.count")).isEqualTo(100);
        assertThat(byteBuddyClassesLoaded(result)).isZero();
        assertThat(result.count("agentFailures")).isZero();
    }

    /** Jedis 5.1, older than any release the agent was built for: its classes are woven when they load. */
    @Test
    void onAJedisReleaseTheAgentWasNotBuiltForCommandsAreTimedByWeavingAtLoadTime() throws Exception {
        HostJvm.Result result = getsLoggingClassLoads(HostJvm.JAVA_17, "jedis51");

        assertThat(result.count("commands[" + server() + "].GET.count")).isEqualTo(100);
        assertThat(byteBuddyClassesLoaded(result)).isPositive();
        assertThat(result.count("agentFailures")).isZero();
    }

    @Test
    void withRedisCommandsFalseThePoolIsMeasuredAndNoCommandIsTimed() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("redisCommands=false").classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), "JedisPooled", 0)
                .finish();

        assertThat(result.count("pool[" + server() + "].borrows")).isGreaterThanOrEqualTo(100);
        assertThat(result.results().keySet()).noneMatch(key -> key.startsWith("commands["));
        assertThat(result.get("mbeanText")).doesNotContain("RedisCommands");
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @MethodSource("prewovenReleasesOnEachJdk")
    void eachCommandIsTimedUnderItsNameWithItsFailuresByKind(String host, String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);
        int prometheusPort = JolokiaHttp.freePort();

        HostJvm.Result result = HostJvm.on(java).jvmOptions("-Dhost.metrics=http://127.0.0.1:" + prometheusPort + "/metrics")
                .withAgent("prometheus=" + prometheusPort).classPath(host)
                .main("dev.poolsight.agent.host.JedisClientsHost", REDIS.host(), REDIS.port(), "commands").finish();

        String pool = "commands[" + server() + "].";
        assertThat(result.count(pool + "GET.count")).isEqualTo(101);
        assertThat(result.count(pool + "GET.connectionErrors")).isEqualTo(1);
        assertThat(result.count(pool + "GET.errors")).isEqualTo(1);
        assertThat(result.count(pool + "SET.count")).isEqualTo(1);
        assertThat(result.count(pool + "LPUSH.errorReplies")).isEqualTo(1);
        assertThat(result.count(pool + "PIPELINE.count")).isEqualTo(1);
        assertThat(result.count(pool + "TRANSACTION.count")).isEqualTo(1);
        assertThat(result.count(pool + "EVAL.count")).isEqualTo(1);
        // The script spins 50 ms; at three significant digits the histogram keeps 50.01 ms as 49.95 ms.
        assertThat(result.number(pool + "EVAL.maxMillis")).isBetween(49.9, 1000.0);
        assertThat(result.number(pool + "GET.p95Millis")).isLessThan(10.0);
        String impatient = "commands[" + server() + "-2].";
        assertThat(result.count(impatient + "EVAL.timeouts")).isEqualTo(1);
        assertThat(result.number(impatient + "EVAL.maxMillis")).isBetween(49.9, 1000.0);
        assertThat(result.get("killed")).isEqualTo("true");
        assertThat(result.get("wrongType")).isEqualTo("true");
        assertThat(result.count("transactionReplies")).isEqualTo(2);
        assertThat(result.get("mbeanText")).contains("GET").doesNotContain("secret");
        assertThat(result.get("metricsText")).contains("poolsight_redis_command_seconds_count{", "command=\"EVAL\"",
                "poolsight_redis_command_errors_total{").doesNotContain("secret");
        assertThat(result.stdout().lines().filter(line -> !line.startsWith("RESULT ")))
                .noneMatch(line -> line.contains("secret"));
        assertThat(result.stderr()).doesNotContain("secret");
        assertThat(result.count("agentFailures")).isZero();
    }
}
