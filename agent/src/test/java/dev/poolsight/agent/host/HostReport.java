package dev.poolsight.agent.host;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Prints what the agent recorded, one {@code RESULT key=value} line each, for the test that started this host
 * JVM to read. Read as an application reads it: through the pools' MBeans on the platform MBean server.
 */
final class HostReport {

    private static final String[] ATTRIBUTES = {"Name", "BorrowCount", "ReturnCount", "InvalidateCount",
        "ExhaustionCount", "BorrowFailureCount", "MaxTotal", "WaitTimeP50Millis", "WaitTimeP99Millis",
        "WaitTimeMaxMillis", "WaitTimeCount", "HoldTimeP50Millis", "HoldTimeP99Millis", "HoldTimeCount",
        "PeakUtilization", "LeakSuspectCount"};
    private static final String[] KEYS = {"name", "borrows", "returns", "invalidations", "exhaustions",
        "borrowFailures", "maxTotal", "waitP50Millis", "waitP99Millis", "waitMaxMillis", "waitCount", "holdP50Millis",
        "holdP99Millis", "holdCount", "peakUtilization", "leakSuspects"};

    private HostReport() {
    }

    static void result(String key, Object value) {
        System.out.println("RESULT " + key + "=" + value);
    }

    static void pools() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : poolMBeans(server)) {
            var values = server.getAttributes(name, ATTRIBUTES).asList();
            String p = "pool[" + values.get(0).getValue() + "].";
            for (int i = 1; i < values.size(); i++) {
                Attribute value = values.get(i);
                result(p + KEYS[i], value.getValue());
            }
        }
        result("agentFailures", AgentInternals.agentFailures());
    }

    /**
     * The pools' MBeans, once there is one for every pool the agent knows: the agent registers them on its own
     * thread, a moment after the pool was built.
     */
    static Set<ObjectName> poolMBeans(MBeanServer server) throws Exception {
        ObjectName pools = new ObjectName("dev.poolsight:type=Pool,*");
        int expected = AgentInternals.recorders().size();
        long deadline = System.nanoTime() + 10_000_000_000L;
        Set<ObjectName> names = server.queryNames(pools, null);
        while (names.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            names = server.queryNames(pools, null);
        }
        return new TreeSet<>(names);
    }
}
