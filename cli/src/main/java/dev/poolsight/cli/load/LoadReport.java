package dev.poolsight.cli.load;

import dev.poolsight.cli.advise.Advice;
import java.util.List;

/**
 * What a load run did, as the summary table and {@code --json} show it: the client's own counts and latencies next
 * to what the pool's MBean counted, so that each can be checked against the other.
 */
record LoadReport(String redis, Run run, Settings settings, Client client, Pool pool, TokenCounter tokenCounter,
        List<Advice> advice) {

    record Run(double seconds, double warmupSeconds, int threads, Double rate, int conversations, String messages,
            String workload) {
    }

    record Settings(int poolSize, int maxIdle, String poolTimeout) {
    }

    /**
     * Counted by the simulated agents: every operation borrows one connection; an exhausted one is a
     * PoolExhaustedException, a failed one any other error. Counts cover the whole run; rates and latencies the run
     * after the warm-up.
     */
    record Client(long operations, long succeeded, long appends, long reads, long pages, long exhausted, long failed,
            String firstFailure, double operationsPerSecond, double appendsPerSecond,
            double appendP50Millis, double appendP99Millis, double appendP999Millis, double appendMaxMillis,
            double readP50Millis, double readP99Millis) {
    }

    /** Read from the pool's MBean after the run; null when the agent was not attached. */
    record Pool(String name, long borrowCount, long exhaustionCount, long borrowFailureCount, int maxTotal,
            int maxIdle, int peakActive, double meanUtilization, double waitP50Millis, double waitP99Millis,
            double waitMaxMillis, double holdMeanMillis, double holdP99Millis) {
    }

    /**
     * The asynchronous token counter; the exact counts its worker completes together are applied with one more
     * borrow of the pool, so the pool's borrows are the client's successful operations plus at most these. Null with
     * --estimates-only.
     */
    record TokenCounter(long countedAtOnce, long submitted, long completed, long fallbacks, long errors,
            int peakQueueDepth, int queueCapacity, long unfinished) {
    }
}
