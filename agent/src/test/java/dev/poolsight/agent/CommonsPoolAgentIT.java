package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import org.junit.jupiter.api.Test;

/** Every overload, other pool users, other class loaders and a dynamic attach, each in a child JVM. */
class CommonsPoolAgentIT {

    private static final TestRedis REDIS = TestRedis.get();

    @Test
    void everyOverloadIsCountedOnceForPlainAndKeyedPools() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.GenericPoolHost").finish();

        assertThat(result.count("pool[orders-buffers].borrows")).isEqualTo(50);
        assertThat(result.count("pool[orders-buffers].returns")).isEqualTo(30);
        assertThat(result.count("pool[orders-buffers].invalidations")).isEqualTo(20);
        String keyed = "pool[GenericKeyedObjectPool:KeyedBuffers].";
        assertThat(result.count(keyed + "borrows")).isEqualTo(40);
        assertThat(result.count(keyed + "returns")).isEqualTo(20);
        assertThat(result.count(keyed + "invalidations")).isEqualTo(20);
    }

    @Test
    void aJedisPoolAndADbcp2PoolAreSeenApartBesideTheHostsOwnByteBuddy() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.MixedPoolsHost", REDIS.host(), REDIS.port()).finish();

        assertThat(result.get("hostByteBuddy")).isEqualTo("host byte buddy works");
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(25);
        assertThat(result.count("pool[GenericObjectPool:PoolableConnectionFactory].borrows")).isEqualTo(15);
        assertThat(result.count("pool[GenericObjectPool:PoolableConnectionFactory].returns")).isEqualTo(15);
        assertThat(result.count("agentFailures")).isZero();
    }

    @Test
    void poolsLoadedByAChildClassLoaderAreInstrumented() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath(null)
                .main("dev.poolsight.agent.host.ChildLoaderHost", REDIS.host(), REDIS.port(),
                        HostJvm.HOSTS.resolve("jedis7").toAbsolutePath()).finish();

        assertThat(result.get("poolLoader")).isEqualTo("plugins");
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(50);
    }

    @Test
    void anAgentAttachedToARunningJvmFindsThePoolBuiltBeforeIt() throws Exception {
        HostJvm host = HostJvm.on(HostJvm.JAVA_17).classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisHost", REDIS.host(), REDIS.port(), "attach").start();
        host.awaitLine("READY");

        Process attach = new ProcessBuilder(HostJvm.JAVA_17.toString(), "-jar", HostJvm.AGENT_JAR.toString(),
                "attach", Long.toString(host.pid())).redirectErrorStream(true).start();
        String attachOutput = new String(attach.getInputStream().readAllBytes());
        assertThat(attach.waitFor()).as(attachOutput).isZero();
        host.send("GO");
        HostJvm.Result result = host.finish();

        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].borrows")).isEqualTo(100);
        assertThat(result.count("pool[redis://" + REDIS.host() + ":" + REDIS.port() + "].returns")).isEqualTo(100);
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
