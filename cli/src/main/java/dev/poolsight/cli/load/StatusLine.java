package dev.poolsight.cli.load;

import static dev.poolsight.cli.advise.Numbers.count;
import static dev.poolsight.cli.advise.Numbers.millis;

import dev.poolsight.cli.source.PoolSnapshot;
import java.util.Locale;
import java.util.Optional;

/** The line a load run prints each second: throughput, append latency, the pool and the token queue. */
final class StatusLine {

    private StatusLine() {
    }

    static String of(double elapsedSeconds, boolean warmingUp, double operationsPerSecond, LoadMetrics.Interval interval,
            Optional<PoolSnapshot> pool, long exhausted, long failed, int tokenQueueDepth) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "[%4.0fs] %9s ops/s  append p50 %6s ms p99 %7s ms",
                elapsedSeconds, count(operationsPerSecond), millis(LoadMetrics.millis(interval.appends(), 50)),
                millis(LoadMetrics.millis(interval.appends(), 99))));
        pool.ifPresentOrElse(p -> line.append(String.format(Locale.ROOT,
                        "  pool %4s in use %3d/%-3d wait p99 %7s ms",
                        Double.isNaN(p.utilization()) ? "-" : String.format(Locale.ROOT, "%.2f", p.utilization()),
                        p.numActive(), p.maxTotal(), millis(p.waitP99Millis()))),
                () -> line.append("  pool (no MBean)"));
        line.append("  exhausted ").append(count(exhausted));
        if (failed > 0) {
            line.append("  failed ").append(count(failed));
        }
        line.append("  token queue ").append(tokenQueueDepth);
        if (warmingUp) {
            line.append("  (warm-up)");
        }
        return line.toString();
    }
}
