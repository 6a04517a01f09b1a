package dev.poolsight.agent.host;

import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.PoolStats;

/**
 * Prints what the agent recorded, one {@code RESULT key=value} line each, for the test that started this host
 * JVM to read. The jmx classes come from the agent on the bootstrap class path, not from this host's class path.
 */
final class HostReport {

    private HostReport() {
    }

    static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    static void pools() {
        for (PoolRecorder recorder : PoolRegistry.global().recorders()) {
            PoolStats stats = recorder.stats();
            String p = "pool[" + recorder.name() + "].";
            result(p + "borrows", stats.borrowCount());
            result(p + "returns", stats.returnCount());
            result(p + "invalidations", stats.invalidateCount());
            result(p + "exhaustions", stats.exhaustionCount());
            result(p + "borrowFailures", stats.borrowFailureCount());
            result(p + "maxTotal", stats.maxTotal());
            result(p + "waitP50Millis", stats.waitTime().p50Millis());
            result(p + "waitP99Millis", stats.waitTime().p99Millis());
            result(p + "waitMaxMillis", stats.waitTime().maxMillis());
            result(p + "waitCount", stats.waitTime().count());
            result(p + "holdP50Millis", stats.holdTime().p50Millis());
            result(p + "holdP99Millis", stats.holdTime().p99Millis());
            result(p + "holdCount", stats.holdTime().count());
            result(p + "peakUtilization", stats.peakUtilization());
            result(p + "leakSuspects", stats.leakSuspectCount());
        }
        result("agentFailures", dev.poolsight.jmx.AgentHealth.failureCount());
    }
}
