package dev.poolsight.bench;

import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
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
import org.openjdk.jmh.annotations.Warmup;

/** The estimator stored on the append path against the exact jtokkit count it stands in for. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EstimatorBenchmark {

    @Param({"100", "1024", "8192"})
    public int size;

    /**
     * The language of the prose ({@link BenchTexts#prose}): {@code russian} or {@code arabic} for other scripts,
     * {@code portuguese} or {@code turkish} for Latin words of other languages.
     */
    @Param({"english"})
    public String language;

    private String text;
    private final TokenEstimator estimator = new TokenEstimator();
    private final ExactTokenCounter exact = ExactTokenCounter.forEncoding("o200k_base");

    @Setup(Level.Trial)
    public void setUp() {
        text = BenchTexts.prose(language, size);
    }

    @Benchmark
    public int estimate() {
        return estimator.count(text);
    }

    @Benchmark
    public int exactJtokkit() {
        return exact.count(text);
    }
}
