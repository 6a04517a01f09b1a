package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the agent adds to a small application's start-up, wall time and peak resident memory, from runs of
 * {@link SmallJedisApp} without and with the agent in alternation, so that both share the machine's slow spells.
 * JMH's single-shot mode, which {@link StartupBenchmark} uses for the wall time, cannot carry a second figure, hence
 * this plain runner. A third variant, with an agent that does nothing ({@link NoOpAgent}), shows how much of the
 * difference any {@code -javaagent} costs.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.poolsight.bench.StartupFootprint ROUNDS
 * </pre>
 */
public final class StartupFootprint {

    private static final int WARM_UP_ROUNDS = 3;

    private StartupFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        TestRedis redis = TestRedis.get();
        SmallJedisAppProcess without = SmallJedisAppProcess.withoutAgent(redis);
        SmallJedisAppProcess noOp = SmallJedisAppProcess.withNoOpAgent(redis);
        SmallJedisAppProcess with = SmallJedisAppProcess.withAgent(redis);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            without.run();
            noOp.run();
            with.run();
        }
        double[] wallWithout = new double[rounds];
        double[] wallNoOp = new double[rounds];
        double[] wallWith = new double[rounds];
        double[] rssWithout = new double[rounds];
        double[] rssWith = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            SmallJedisAppProcess.Run baseline = without.run();
            SmallJedisAppProcess.Run anyAgent = noOp.run();
            SmallJedisAppProcess.Run candidate = with.run();
            wallWithout[round] = baseline.wallMillis();
            wallNoOp[round] = anyAgent.wallMillis();
            wallWith[round] = candidate.wallMillis();
            rssWithout[round] = baseline.peakRssKiB() / 1024.0;
            rssWith[round] = candidate.peakRssKiB() / 1024.0;
        }
        report("wall time", "ms", wallWithout, wallWith);
        report("peak RSS", "MiB", rssWithout, rssWith);
        System.out.printf(Locale.ROOT, "[startup] of the wall time, an agent that does nothing: %+.1f ms; Poolsight "
                + "beyond that: %+.1f ms (medians of %d)%n", median(wallNoOp) - median(wallWithout),
                median(wallWith) - median(wallNoOp), rounds);
    }

    private static void report(String what, String unit, double[] without, double[] with) {
        double baseline = median(without);
        double candidate = median(with);
        System.out.printf(Locale.ROOT, "[startup] %s: without the agent %.1f %s, with it %.1f %s (medians of %d): "
                + "%+.1f %s, %.3fx%n", what, baseline, unit, candidate, unit, without.length, candidate - baseline, unit,
                candidate / baseline);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return PairedRuns.median(sorted);
    }
}
