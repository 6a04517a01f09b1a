package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wall time of a whole small Jedis application ({@link SmallJedisApp}: start the JVM, build a pool, 1,000 pooled
 * PINGs, read its dev.poolsight MBeans, exit), with and without the agent. Run from the repository root, through
 * {@code PairedRuns}; {@link StartupFootprint} adds the peak resident memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 20)
@Fork(1)
public class StartupBenchmark {

    private SmallJedisAppProcess withoutAgent;
    private SmallJedisAppProcess withAgent;

    @Setup(Level.Trial)
    public void setUp() {
        TestRedis redis = TestRedis.get();
        withoutAgent = SmallJedisAppProcess.withoutAgent(redis);
        withAgent = SmallJedisAppProcess.withAgent(redis);
    }

    @Benchmark
    public SmallJedisAppProcess.Run smallJedisAppWithoutAgent() throws Exception {
        return withoutAgent.run();
    }

    @Benchmark
    public SmallJedisAppProcess.Run smallJedisAppWithAgent() throws Exception {
        return withAgent.run();
    }
}
