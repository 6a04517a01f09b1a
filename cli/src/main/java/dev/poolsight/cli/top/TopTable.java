package dev.poolsight.cli.top;

import static dev.poolsight.cli.advise.Numbers.count;
import static dev.poolsight.cli.advise.Numbers.millis;

import dev.poolsight.cli.source.TokenCounterSnapshot;
import java.util.List;
import java.util.Locale;

/** Formats top's rows: one per pool, the same columns in the terminal view and in plain lines. */
final class TopTable {

    static final String HEADER = String.format(Locale.ROOT, "%-40s %6s %9s %5s %7s %9s %9s %10s %9s %10s",
            "POOL", "UTIL", "ACTIVE", "IDLE", "WAITERS", "WAIT p50", "WAIT p99", "EXHAUSTED", "HOLD p99", "BORROWS/s");

    private TopTable() {
    }

    static String row(PoolRow row) {
        var pool = row.pool();
        double utilization = pool.utilization();
        return String.format(Locale.ROOT, "%-40s %6s %9s %5d %7d %9s %9s %10s %9s %10s",
                shorten(pool.name(), 40), Double.isNaN(utilization) ? "-" : String.format(Locale.ROOT, "%.2f", utilization),
                pool.numActive() + "/" + pool.maxTotal(), pool.numIdle(), pool.numWaiters(),
                millis(pool.waitP50Millis()), millis(pool.waitP99Millis()), count(pool.exhaustionCount()),
                millis(pool.holdP99Millis()),
                Double.isNaN(row.borrowsPerSecond()) ? "-" : count(row.borrowsPerSecond()));
    }

    /** An asynchronous token counter of the JVM, under the pools: its queue and what became of the texts. */
    static String tokenCounter(TokenCounterSnapshot counter) {
        return "token counter " + counter.name() + ": queue " + count(counter.queueDepth()) + " of "
                + count(counter.queueCapacity()) + ", " + count(counter.submitted()) + " submitted, "
                + count(counter.completed()) + " counted exactly, " + count(counter.fallbacks())
                + " kept the estimate, " + count(counter.errors()) + " failed";
    }

    static String footer(List<PoolRow> rows) {
        return rows.isEmpty() ? "(no Poolsight pools yet: a pool appears when it is created, or first used after an attach)"
                : "times in ms; percentiles over the agent's window";
    }

    private static String shorten(String name, int width) {
        return name.length() <= width ? name : "..." + name.substring(name.length() - width + 3);
    }
}
