package dev.poolsight.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs a baseline benchmark and a candidate in alternation, one fork each per round, and reports the ratio of each
 * round and their median. A round's score is the mean for average-time and throughput benchmarks, the median (p50)
 * for sample-time and single-shot ones.
 *
 * <p>Why not one JMH run with more forks: JMH runs every fork of one benchmark before the next benchmark, and on a
 * shared 2-core machine the speed drifts by 10 % and more within minutes, so a small overhead (an agent's 1 %) drowns
 * in the drift between the two halves of the run. Alternating puts baseline and candidate side by side in time, and
 * the median of the rounds' ratios ignores the rounds that a burst of outside load spoiled.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.poolsight.bench.PairedRuns ROUNDS BASELINE CANDIDATE [JMH options]
 * </pre>
 *
 * BASELINE and CANDIDATE are regular expressions that must each select exactly one benchmark method.
 */
public final class PairedRuns {

    private PairedRuns() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        if (args.length < 3) {
            System.err.println("usage: PairedRuns ROUNDS BASELINE CANDIDATE [JMH options]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        CommandLineOptions jmhOptions = new CommandLineOptions(Arrays.copyOfRange(args, 3, args.length));
        List<double[]> scores = new ArrayList<>();
        String unit = "";
        for (int round = 1; round <= rounds; round++) {
            RunResult baseline = runOnce(jmhOptions, args[1]);
            RunResult candidate = runOnce(jmhOptions, args[2]);
            unit = baseline.getPrimaryResult().getScoreUnit();
            double[] pair = {score(baseline), score(candidate)};
            scores.add(pair);
            System.out.printf(Locale.ROOT, "[paired] round %d: baseline %.3f %s, candidate %.3f %s, ratio %.3f%n",
                    round, pair[0], unit, pair[1], unit, pair[1] / pair[0]);
        }
        report(args[1], args[2], unit, scores);
    }

    private static RunResult runOnce(CommandLineOptions parent, String benchmark) throws RunnerException {
        Options options = new OptionsBuilder().parent(parent).include(benchmark).forks(1).build();
        Collection<RunResult> results = new Runner(options).run();
        if (results.size() != 1) {
            throw new IllegalArgumentException("\"" + benchmark + "\" selects " + results.size()
                    + " benchmarks; it must select exactly one");
        }
        return results.iterator().next();
    }

    /**
     * The mean for average-time and throughput benchmarks; the median of the samples or shots for sample-time and
     * single-shot ones, whose targets are medians and whose means a few slow outliers move.
     */
    private static double score(RunResult result) {
        Mode mode = result.getParams().getMode();
        return mode == Mode.SampleTime || mode == Mode.SingleShotTime
                ? result.getPrimaryResult().getStatistics().getPercentile(50)
                : result.getPrimaryResult().getScore();
    }

    private static void report(String baseline, String candidate, String unit, List<double[]> scores) {
        double[] ratios = scores.stream().mapToDouble(pair -> pair[1] / pair[0]).sorted().toArray();
        double[] differences = scores.stream().mapToDouble(pair -> pair[1] - pair[0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%n[paired] %s / %s over %d rounds:%n", candidate, baseline, scores.size());
        System.out.printf(Locale.ROOT, "[paired]   ratio median %.3f (min %.3f, max %.3f)%n",
                median(ratios), ratios[0], ratios[ratios.length - 1]);
        System.out.printf(Locale.ROOT, "[paired]   difference median %.3f %s (min %.3f, max %.3f)%n",
                median(differences), unit, differences[0], differences[differences.length - 1]);
    }

    /** The median of values sorted in ascending order; there must be at least one. */
    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
