package dev.poolsight.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

    /** The appends compared, each with its name in the report; a histogram of each is kept at its ordinal. */
    private enum Append {
        BARE("bare EVALSHA", AppendFixture::bareEvalsha),
        EXACT("exact on the append path", AppendFixture::appendCountingExactly),
        ASYNC("async counter", AppendFixture::appendWithAsyncCounter),
        WITHOUT_COUNTING("without counting", AppendFixture::appendWithoutCounting),
        ESTIMATE_ONLY("estimate only", AppendFixture::appendWithEstimateOnly);

        final String label;
        final Function<AppendFixture, Object> run;

        Append(String label, Function<AppendFixture, Object> run) {
            this.label = label;
            this.run = run;
        }
    }

    private static final Append[] ALL = Append.values();

    @Param({"100", "1024", "8192"})
    public int size;

    private AppendFixture appends;
    private final Random shuffle = new Random(42);
    private final Append[] order = Append.values();
    private Append previous = Append.BARE;
    private boolean measuring;
    private final Histogram[] iteration = histograms();
    private final Histogram[] trial = histograms();
    private final StringBuilder iterationLines = new StringBuilder();
    /** Each measured iteration's p50s in us, by {@link Append} ordinal. */
    private final List<double[]> iterationP50s = new ArrayList<>();

    private static Histogram[] histograms() {
        Histogram[] histograms = new Histogram[ALL.length];
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
        for (Append append : order) {
            appends.pause(previous == Append.ASYNC);
            long start = System.nanoTime();
            blackhole.consume(append.run.apply(appends));
            long elapsed = System.nanoTime() - start;
            if (measuring) {
                iteration[append.ordinal()].recordValue(elapsed);
            }
            previous = append;
        }
    }

    /** Fisher-Yates, in place: no allocation between two timed appends. */
    private void shuffle(Append[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            Append swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (!measuring) {
            return;
        }
        double[] p50s = new double[ALL.length];
        for (int variant = 0; variant < ALL.length; variant++) {
            p50s[variant] = p50Micros(iteration[variant]);
            trial[variant].add(iteration[variant]);
        }
        iterationP50s.add(p50s);
        iterationLines.append(String.format("[interleaved] %d B, iteration %d: p50 us bare %.1f, exact %.1f, async %.1f,"
                        + " without counting %.1f, estimate only %.1f; async/bare %.3f, exact/async %.2f%n", size,
                iterationP50s.size(), p50(p50s, Append.BARE), p50(p50s, Append.EXACT), p50(p50s, Append.ASYNC),
                p50(p50s, Append.WITHOUT_COUNTING), p50(p50s, Append.ESTIMATE_ONLY),
                p50(p50s, Append.ASYNC) / p50(p50s, Append.BARE), p50(p50s, Append.EXACT) / p50(p50s, Append.ASYNC)));
    }

    private static double p50(double[] p50s, Append append) {
        return p50s[append.ordinal()];
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        appends.close();
        StringBuilder report = new StringBuilder("\n").append(iterationLines);
        for (Append append : ALL) {
            Histogram histogram = trial[append.ordinal()];
            report.append(String.format("[interleaved] %d B, %s: p50 %.1f us, p90 %.1f us, %d appends%n", size,
                    append.label, p50Micros(histogram), histogram.getValueAtPercentile(90) / 1000.0,
                    histogram.getTotalCount()));
        }
        report.append(ratioLine("async / bare", Append.ASYNC, Append.BARE))
                .append(ratioLine("without counting / bare", Append.WITHOUT_COUNTING, Append.BARE))
                .append(ratioLine("async / without counting", Append.ASYNC, Append.WITHOUT_COUNTING))
                .append(ratioLine("estimate only / without counting", Append.ESTIMATE_ONLY, Append.WITHOUT_COUNTING))
                .append(ratioLine("async / estimate only", Append.ASYNC, Append.ESTIMATE_ONLY))
                .append(ratioLine("exact / async", Append.EXACT, Append.ASYNC));
        System.out.print(report);
    }

    /** The ratio of two appends' p50 over the whole trial, and the median and range of the per-iteration ratios. */
    private String ratioLine(String name, Append numerator, Append denominator) {
        double[] ratios = iterationP50s.stream()
                .mapToDouble(p50s -> p50(p50s, numerator) / p50(p50s, denominator)).sorted().toArray();
        double overTrial = p50Micros(trial[numerator.ordinal()]) / p50Micros(trial[denominator.ordinal()]);
        if (ratios.length == 0) {
            return String.format("[interleaved] %d B, %s: %.3f over the trial%n", size, name, overTrial);
        }
        return String.format("[interleaved] %d B, %s: %.3f over the trial; per iteration median %.3f, %.3f to %.3f%n",
                size, name, overTrial, PairedRuns.median(ratios), ratios[0], ratios[ratios.length - 1]);
    }

    private static double p50Micros(Histogram histogram) {
        return histogram.getValueAtPercentile(50) / 1000.0;
    }
}
