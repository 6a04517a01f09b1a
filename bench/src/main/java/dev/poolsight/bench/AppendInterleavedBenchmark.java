package dev.poolsight.bench;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The five appends of {@link AppendFixture} taken in turn in one JVM: every invocation makes one append of each, in
 * an order shuffled anew each time, with the fixture's pause before each, and times each on its own into its own
 * histogram. Whatever slows this shared 2-core machine for a while (another tenant, a compilation, the page cache)
 * then slows all five alike, while separate forks, minutes apart, differed by 10 to 30 % from one another.
 *
 * <p>JMH's own score is the time of one invocation, five appends and five pauses, and says little. The result is
 * printed at the end of the trial, in lines starting with {@code [interleaved]}: each append's p50 per measurement
 * iteration and over all of them, and the ratios the token counting issue sets targets for (asynchronous append /
 * bare round trip, exact on the append path / asynchronous), with the median and range of the per-iteration
 * ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(1)
public class AppendInterleavedBenchmark {

    private static final String[] NAMES = {"bare EVALSHA", "exact on the append path", "async counter",
        "without counting", "estimate only"};
    private static final int BARE = 0;
    private static final int EXACT = 1;
    private static final int ASYNC = 2;
    private static final int WITHOUT_COUNTING = 3;
    private static final int ESTIMATE_ONLY = 4;

    @Param({"100", "1024", "8192"})
    public int size;

    private AppendFixture appends;
    private final Random shuffle = new Random(42);
    private final int[] order = {BARE, EXACT, ASYNC, WITHOUT_COUNTING, ESTIMATE_ONLY};
    private int previous = BARE;
    private boolean measuring;
    private final Histogram[] iteration = histograms();
    private final Histogram[] trial = histograms();
    private final StringBuilder iterationLines = new StringBuilder();
    private double[][] iterationP50s = new double[0][];

    private static Histogram[] histograms() {
        Histogram[] histograms = new Histogram[NAMES.length];
        for (int i = 0; i < histograms.length; i++) {
            histograms[i] = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        }
        return histograms;
    }

    @Setup(Level.Trial)
    public void setUp() {
        appends = new AppendFixture(size);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
        for (Histogram histogram : iteration) {
            histogram.reset();
        }
    }

    @Benchmark
    public void oneAppendOfEach(Blackhole blackhole) {
        shuffle(order);
        for (int variant : order) {
            appends.pause(previous == ASYNC);
            long start = System.nanoTime();
            blackhole.consume(append(variant));
            long elapsed = System.nanoTime() - start;
            if (measuring) {
                iteration[variant].recordValue(elapsed);
            }
            previous = variant;
        }
    }

    private Object append(int variant) {
        switch (variant) {
            case BARE:
                return appends.bareEvalsha();
            case EXACT:
                return appends.appendCountingExactly();
            case ASYNC:
                return appends.appendWithAsyncCounter();
            case WITHOUT_COUNTING:
                return appends.appendWithoutCounting();
            default:
                return appends.appendWithEstimateOnly();
        }
    }

    /** Fisher-Yates, in place: no allocation between two timed appends. */
    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (!measuring) {
            return;
        }
        double[] p50s = new double[NAMES.length];
        for (int variant = 0; variant < NAMES.length; variant++) {
            p50s[variant] = p50Micros(iteration[variant]);
            trial[variant].add(iteration[variant]);
        }
        iterationP50s = Arrays.copyOf(iterationP50s, iterationP50s.length + 1);
        iterationP50s[iterationP50s.length - 1] = p50s;
        iterationLines.append(String.format("[interleaved] %d B, iteration %d: p50 us bare %.1f, exact %.1f, async %.1f,"
                        + " without counting %.1f, estimate only %.1f; async/bare %.3f, exact/async %.2f%n", size,
                iterationP50s.length, p50s[BARE], p50s[EXACT], p50s[ASYNC], p50s[WITHOUT_COUNTING],
                p50s[ESTIMATE_ONLY], p50s[ASYNC] / p50s[BARE],
                p50s[EXACT] / p50s[ASYNC]));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        appends.close();
        StringBuilder report = new StringBuilder("\n").append(iterationLines);
        for (int variant = 0; variant < NAMES.length; variant++) {
            report.append(String.format("[interleaved] %d B, %s: p50 %.1f us, p90 %.1f us, %d appends%n", size,
                    NAMES[variant], p50Micros(trial[variant]), trial[variant].getValueAtPercentile(90) / 1000.0,
                    trial[variant].getTotalCount()));
        }
        report.append(ratioLine("async / bare", ASYNC, BARE))
                .append(ratioLine("without counting / bare", WITHOUT_COUNTING, BARE))
                .append(ratioLine("async / without counting", ASYNC, WITHOUT_COUNTING))
                .append(ratioLine("estimate only / without counting", ESTIMATE_ONLY, WITHOUT_COUNTING))
                .append(ratioLine("async / estimate only", ASYNC, ESTIMATE_ONLY))
                .append(ratioLine("exact / async", EXACT, ASYNC));
        System.out.print(report);
    }

    /** The ratio of two appends' p50 over the whole trial, and the median and range of the per-iteration ratios. */
    private String ratioLine(String name, int numerator, int denominator) {
        double[] ratios = new double[iterationP50s.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = iterationP50s[i][numerator] / iterationP50s[i][denominator];
        }
        Arrays.sort(ratios);
        double median = ratios.length == 0 ? Double.NaN
                : (ratios[(ratios.length - 1) / 2] + ratios[ratios.length / 2]) / 2;
        return String.format("[interleaved] %d B, %s: %.3f over the trial; per iteration median %.3f, %.3f to %.3f%n",
                size, name, p50Micros(trial[numerator]) / p50Micros(trial[denominator]), median,
                ratios.length == 0 ? Double.NaN : ratios[0], ratios.length == 0 ? Double.NaN : ratios[ratios.length - 1]);
    }

    private static double p50Micros(Histogram histogram) {
        return histogram.getValueAtPercentile(50) / 1000.0;
    }
}
