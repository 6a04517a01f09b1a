package dev.poolsight.cli.load;

import static dev.poolsight.cli.advise.Numbers.count;
import static dev.poolsight.cli.advise.Numbers.millis;
import static dev.poolsight.cli.advise.Numbers.percent;

import dev.poolsight.cli.advise.AdvicePrinter;
import java.io.PrintWriter;

/** The table a load run ends with: the client's counts beside the pool MBean's, latencies, the pool, the advice. */
final class LoadSummary {

    private LoadSummary() {
    }

    static void print(LoadReport report, PrintWriter out) {
        LoadReport.Client client = report.client();
        LoadReport.Pool pool = report.pool();
        LoadReport.TokenCounter tokens = report.tokenCounter() == null
                ? new LoadReport.TokenCounter(0, 0, 0, 0, 0, 0, 0, 0) : report.tokenCounter();
        out.printf("%n%-26s %22s %24s%n", "", "client (the agents)", "pool MBean (the agent)");
        out.printf("%-26s %22s %24s   (%s operations; and the exact counts of %s messages applied in batches, a borrow "
                + "a batch)%n", "borrows", count(client.succeeded()), pool == null ? "-" : count(pool.borrowCount()),
                count(client.succeeded()), count(tokens.completed()));
        out.printf("%-26s %22s %24s   (%s operations + %s token counts not applied)%n", "exhausted",
                count(client.exhausted() + tokens.errors()), pool == null ? "-" : count(pool.exhaustionCount()),
                count(client.exhausted()), count(tokens.errors()));
        out.printf("%-26s %22s %24s%n", "failed otherwise", count(client.failed()),
                pool == null ? "-" : count(pool.borrowFailureCount()));
        out.println();
        String afterWarmup = report.run().warmupSeconds() > 0
                ? String.format(" (after the %.1f s warm-up)", report.run().warmupSeconds()) : "";
        String measured = report.run().warmupSeconds() > 0
                ? String.format("over the %.1f s", report.run().seconds() - report.run().warmupSeconds())
                : String.format("over %.1f s", report.run().seconds());
        out.printf("%-26s %s ops/s (%s appends/s) %s%s%n", "throughput", count(client.operationsPerSecond()),
                count(client.appendsPerSecond()), measured, afterWarmup);
        out.printf("%-26s p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms%s%n", "append latency",
                millis(client.appendP50Millis()), millis(client.appendP99Millis()), millis(client.appendP999Millis()),
                millis(client.appendMaxMillis()), afterWarmup);
        if (client.reads() + client.pages() > 0) {
            out.printf("%-26s p50 %s ms, p99 %s ms%n", "read latency", millis(client.readP50Millis()),
                    millis(client.readP99Millis()));
        }
        LoadReport.Settings settings = report.settings();
        out.printf("%-26s REDIS_POOL_SIZE=%d REDIS_MAX_IDLE_CONNS=%d REDIS_POOL_TIMEOUT=%s%n", "pool settings",
                settings.poolSize(), settings.maxIdle(), settings.poolTimeout());
        if (pool != null) {
            out.printf("%-26s %d of %d in use at peak, %s on average%n", "pool utilization", pool.peakActive(),
                    pool.maxTotal(), percent(pool.meanUtilization()));
            out.printf("%-26s wait p50 %s ms, p99 %s ms, max %s ms; hold mean %s ms, p99 %s ms%n", "pool times",
                    millis(pool.waitP50Millis()), millis(pool.waitP99Millis()), millis(pool.waitMaxMillis()),
                    millis(pool.holdMeanMillis()), millis(pool.holdP99Millis()));
        }
        if (report.tokenCounter() == null) {
            out.printf("%-26s estimates only (--estimates-only)%n", "token counting");
        } else {
            out.printf("%-26s %s exact at once (words counted lately), %s submitted, %s counted exactly, %s kept the "
                            + "estimate (queue full), %s failed; queue peak %s of %s%n", "token counting",
                    count(tokens.countedAtOnce()), count(tokens.submitted()), count(tokens.completed()),
                    count(tokens.fallbacks()), count(tokens.errors()), count(tokens.peakQueueDepth()),
                    count(tokens.queueCapacity()));
        }
        if (client.firstFailure() != null) {
            out.printf("%-26s %s%n", "first failure", client.firstFailure());
        }
        out.println();
        if (report.advice().isEmpty()) {
            out.println("no advice: the pool was not measured (run load through bin/poolsight, which attaches the agent)");
        } else {
            out.println("advice (poolsight advise):");
            AdvicePrinter.print(report.advice(), out);
        }
    }
}
