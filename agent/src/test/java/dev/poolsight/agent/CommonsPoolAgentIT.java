package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every overload, other pool users, other class loaders and a dynamic attach, each in a child JVM, on Java 17 and 25. */
class CommonsPoolAgentIT {

    private static final TestRedis REDIS = TestRedis.get();


    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void everyOverloadIsCountedOnceForPlainAndKeyedPools(String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);
        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.GenericPoolHost").finish();

        assertThat(result.count("pool[orders-buffers].borrows")).isEqualTo(50);
        assertThat(result.count("pool[orders-buffers].returns")).isEqualTo(30);
        assertThat(result.count("pool[orders-buffers].invalidations")).isEqualTo(20);
        String keyed = "pool[GenericKeyedObjectPool:KeyedBuffers].";
        assertThat(result.count(keyed + "borrows")).isEqualTo(40);
        assertThat(result.count(keyed + "returns")).isEqualTo(20);
        assertThat(result.count(keyed + "invalidations")).isEqualTo(20);
    }

    /**
     * One object out at a time, twenty of them invalidated, which the pool's own counts never show as returned: the
     * peak is one of the eight, on Commons Pool 2.11.1 (the "jedis5" class path, where the agent times borrows
     * itself) and 2.13.1.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jedis5", "jedis7"})
    void thePeakLeavesOutInvalidatedObjects(String classPath) throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath(classPath)
                .main("dev.poolsight.agent.host.GenericPoolHost").finish();

        assertThat(result.count("pool[orders-buffers].invalidations")).isEqualTo(20);
        assertThat(result.number("pool[orders-buffers].peakUtilization")).isEqualTo(1 / 8.0);
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void aJedisPoolAndADbcp2PoolAreSeenApartBesideTheHostsOwnByteBuddy(String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);
        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.MixedPoolsHost", REDIS.host(), REDIS.port()).finish();

        assertThat(result.get("hostByteBuddy")).isEqualTo("host byte buddy works");
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(25);
        assertThat(result.count("pool[GenericObjectPool:PoolableConnectionFactory].borrows")).isEqualTo(15);
        assertThat(result.count("pool[GenericObjectPool:PoolableConnectionFactory].returns")).isEqualTo(15);
        assertThat(result.count("agentFailures")).isZero();
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void poolsLoadedByAChildClassLoaderAreInstrumented(String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);
        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath(null)
                .main("dev.poolsight.agent.host.ChildLoaderHost", REDIS.host(), REDIS.port(),
                        HostJvm.HOSTS.resolve("jedis7").toAbsolutePath()).finish();

        assertThat(result.get("poolLoader")).isEqualTo("plugins");
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(50);
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void anAgentAttachedToARunningJvmFindsThePoolBuiltBeforeIt(String jdk, Path java) throws Exception {
        HostJvm.requireInstalled(jdk, java);
        HostJvm host = HostJvm.on(java).classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "attach").start();
        host.awaitLine("READY");

        Process attach = new ProcessBuilder(java.toString(), "-jar", HostJvm.AGENT_JAR.toString(),
                "attach", Long.toString(host.pid())).redirectErrorStream(true).start();
        String attachOutput = new String(attach.getInputStream().readAllBytes());
        assertThat(attach.waitFor()).as(attachOutput).isZero();
        host.send("GO");
        HostJvm.Result result = host.finish();

        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(100);
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].returns")).isEqualTo(100);
    }

    @Test
    void borrowsOnVirtualThreadsAreCountedExactly() throws Exception {
        HostJvm.requireInstalled("25", HostJvm.JAVA_25);
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_25).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.VirtualThreadsHost").finish();

        assertThat(result.count("pool[virtual-threads].borrows")).isEqualTo(1_000);
        assertThat(result.count("pool[virtual-threads].returns")).isEqualTo(1_000);
        assertThat(result.count("pool[virtual-threads].holdCount")).isEqualTo(1_000);
        assertThat(result.count("threadRings")).as("per-thread buffers made for virtual threads").isZero();
        assertThat(result.count("agentFailures")).isZero();
    }

    @Test
    void badOptionsPrintOneLineEachAndTheApplicationRuns() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("colour=blue,leakThreshold=soon").classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "borrows").finish();

        assertThat(result.stderr()).contains("[poolsight] unknown option \"colour\" ignored; accepted: leakThreshold, window, jolokia, quiet");
        assertThat(result.stderr()).contains("[poolsight] leakThreshold=soon is not a duration");
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(1000);
    }
}
