package dev.poolsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * {@code advise} on a JVM whose callers wait for a pool of two connections, for the two reasons the Redis command
 * latency tells apart, against a real Redis: commands that are slow inside Redis (a Lua script that spins), where
 * the pool is not the problem, and fast commands on connections the application holds, where the pool is too small.
 */
class AdviseCommandLatencyIT {

    private static final TestRedis REDIS = TestRedis.get();

    private static CommandRun adviseOn(String workload) throws Exception {
        try (CliJvm target = CliJvm.mainWithAgent(CommandLatencyWorkload.class, "quiet")
                .start(REDIS.host(), Integer.toString(REDIS.port()), workload)) {
            target.awaitStderr("RUNNING");
            CommandRun advise = CommandRun.of("advise", Long.toString(target.pid()), "--window", "3s");
            assertThat(advise.exitCode()).as(advise.err()).isZero();
            assertThat(advise.out() + advise.err()).doesNotContain("secret");
            return advise;
        }
    }

    @Test
    void slowCommandsKeepThePoolSizeAndTheAdviceSaysThePoolIsNotTheProblem() throws Exception {
        CommandRun advise = adviseOn("slow-commands");

        assertThat(advise.out()).contains("slow: EVAL p50 ", "the pool is not the problem, Redis is: EVAL p50 ",
                "export REDIS_POOL_SIZE=2");
    }

    @Test
    void longWaitsWithFastCommandsMakeThePoolLargerAndTheAdviceSaysItIsTooSmall() throws Exception {
        CommandRun advise = adviseOn("held-connections");

        assertThat(advise.out()).contains("slowest GET p50 ", "commands are fast (slowest GET p50 ",
                "the pool is too small").doesNotContain("export REDIS_POOL_SIZE=2\n");
    }
}
