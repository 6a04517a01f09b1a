package dev.poolsight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.poolsight.testkit.TestRedis;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code top} and {@code advise} against another JVM: one started with the agent and its Jolokia endpoint, reached by
 * process id and by URL, and one started without the agent, into which advise loads it (on Java 25 too, when it is
 * installed). The JVMs run {@code poolsight load} at a steady rate, so their pool is in use the whole time.
 */
class RemoteTargetIT {

    private static final String POOL = "poolsight-memory-redis-";
    private static CliJvm withAgent;
    private static CliJvm withoutAgent;
    private static String jolokiaUrl;

    @BeforeAll
    static void startTargets() throws IOException {
        String redis = TestRedis.get().url();
        int port = freePort();
        jolokiaUrl = "http://127.0.0.1:" + port + "/jolokia";
        withAgent = CliJvm.withAgent("jolokia=" + port).env("REDIS_URL", redis)
                .start("load", "--duration", "3m", "--threads", "4", "--rate", "200", "--jolokia", Integer.toString(port));
        withoutAgent = CliJvm.withoutAgent().env("REDIS_URL", redis)
                .start("load", "--duration", "3m", "--threads", "2", "--rate", "100");
        withAgent.awaitStderr("[   1s]");
        withoutAgent.awaitStderr("[   1s]");
    }

    @AfterAll
    static void stopTargets() {
        withAgent.close();
        withoutAgent.close();
    }

    @Test
    void topByPidShowsARowPerPoolEachRefresh() {
        CommandRun top = CommandRun.of("top", Long.toString(withAgent.pid()), "--iterations", "2", "--interval", "500ms");

        assertThat(top.exitCode()).as(top.err()).isZero();
        assertThat(top.out().lines().filter(line -> line.contains(POOL))).hasSize(2);
        assertThat(top.out()).contains("UTIL", "WAIT p99", "EXHAUSTED", "HOLD p99", "BORROWS/s");
    }

    @Test
    void topByJolokiaUrlShowsARowPerPoolEachRefresh() {
        CommandRun top = CommandRun.of("top", jolokiaUrl, "--iterations", "2", "--interval", "500ms");

        assertThat(top.exitCode()).as(top.err()).isZero();
        assertThat(top.out().lines().filter(line -> line.contains(POOL))).hasSize(2);
        assertThat(top.out().lines().filter(line -> line.contains("token counter poolsight-load: queue"))).hasSize(2);
    }

    @Test
    void adviseByPidPrintsTheSettingsToExport() {
        CommandRun advise = CommandRun.of("advise", Long.toString(withAgent.pid()), "--window", "2s");

        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.out()).contains("pool " + POOL, "REDIS_POOL_SIZE", "export REDIS_POOL_SIZE=",
                "export REDIS_MAX_IDLE_CONNS=", "export REDIS_POOL_TIMEOUT=");
    }

    @Test
    void adviseByJolokiaUrlPrintsTheSettingsToExport() {
        CommandRun advise = CommandRun.of("advise", jolokiaUrl, "--window", "2s", "--pool-timeout", "30s");

        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.out()).contains("pool " + POOL, "export REDIS_POOL_SIZE=", "export REDIS_POOL_TIMEOUT=");
    }

    @Test
    void adviseByPidLoadsTheAgentIntoAJvmThatHasNone() {
        CommandRun advise = CommandRun.of("advise", Long.toString(withoutAgent.pid()), "--window", "3s");

        assertThat(advise.exitCode()).as(advise.err()).isZero();
        assertThat(advise.err()).contains("loaded the agent into JVM " + withoutAgent.pid());
        assertThat(advise.out()).contains("pool " + POOL, "export REDIS_POOL_SIZE=");
    }

    @Test
    void adviseByPidLoadsTheAgentIntoAJava25Jvm() throws Exception {
        assumeTrue(Files.isExecutable(CliJvm.JAVA_25), "no Java 25 at " + CliJvm.JAVA_25);
        try (CliJvm java25 = CliJvm.withoutAgent(CliJvm.JAVA_25).env("REDIS_URL", TestRedis.get().url())
                .start("load", "--duration", "3m", "--threads", "2", "--rate", "100")) {
            java25.awaitStderr("[   1s]");

            CommandRun advise = CommandRun.of("advise", Long.toString(java25.pid()), "--window", "3s");

            assertThat(advise.exitCode()).as(advise.err()).isZero();
            assertThat(advise.err()).contains("loaded the agent into JVM " + java25.pid());
            assertThat(advise.out()).contains("pool " + POOL, "export REDIS_POOL_SIZE=");
        }
    }

    @Test
    void attachLoadsTheAgentWithTheEndpointAskedFor() throws Exception {
        try (CliJvm target = CliJvm.withoutAgent().env("REDIS_URL", TestRedis.get().url())
                .start("load", "--duration", "3m", "--threads", "2", "--rate", "100")) {
            target.awaitStderr("[   1s]");
            int port = freePort();

            CommandRun attach = CommandRun.of("attach", Long.toString(target.pid()), "--jolokia", Integer.toString(port));

            assertThat(attach.exitCode()).as(attach.err()).isZero();
            assertThat(attach.out()).contains("agent loaded into JVM " + target.pid(), "jolokia=" + port);
            target.awaitStderr("Jolokia at http://127.0.0.1:" + port + "/jolokia");
            CommandRun top = CommandRun.of("top", "http://127.0.0.1:" + port, "--iterations", "1");
            assertThat(top.exitCode()).as(top.err()).isZero();
            assertThat(top.out()).contains(POOL);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
