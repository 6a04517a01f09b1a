package dev.poolsight.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Append latency of four of the appends of {@link AppendFixture} (all but estimate only), one JMH benchmark each,
 * in sample mode so that the p50 of each is in the output, with the fixture's pause between appends.
 * {@link AppendInterleavedBenchmark} takes the five in turn in one JVM instead, which is what to compare them with
 * on a noisy machine; {@link AppendSaturatedBenchmark} appends back to back, with the workers busy all along.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AppendBenchmark {

    @Param({"100", "1024", "8192"})
    public int size;

    private AppendFixture appends;

    @Setup(Level.Trial)
    public void setUp() {
        appends = new AppendFixture(size);
    }

    /** Untimed: the same background work and pause for every variant; see {@link AppendFixture}. */
    @Setup(Level.Invocation)
    public void pauseBetweenAppends(BenchmarkParams params) {
        if (pacedByCounter()) {
            appends.pause(params.getBenchmark().endsWith(".appendWithAsyncCounter"));
        }
    }

    /** Whether appends wait for the counter between them; {@link AppendSaturatedBenchmark} says no. */
    protected boolean pacedByCounter() {
        return true;
    }

    @Benchmark
    public Object bareEvalsha() {
        return appends.bareEvalsha();
    }

    @Benchmark
    public Object appendCountingExactly() {
        return appends.appendCountingExactly();
    }

    @Benchmark
    public Object appendWithAsyncCounter() {
        return appends.appendWithAsyncCounter();
    }

    @Benchmark
    public Object appendWithoutCounting() {
        return appends.appendWithoutCounting();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        appends.close();
    }
}
