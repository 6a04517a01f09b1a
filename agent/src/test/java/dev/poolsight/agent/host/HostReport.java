package dev.poolsight.agent.host;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.openmbean.CompositeData;
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
     * The rows of every RedisCommands MBean, once there are {@code expected} of them, as
     * {@code commands[<pool>].<COMMAND>.<item>}; and, as {@code mbeanText}, every attribute of every Poolsight
     * MBean as text, for the test to search for what must never be there.
     */
    static void redisCommands(int expected) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName pattern = new ObjectName("dev.poolsight:type=RedisCommands,*");
        long deadline = System.nanoTime() + 10_000_000_000L;
        Set<ObjectName> names = server.queryNames(pattern, null);
        while (names.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            names = server.queryNames(pattern, null);
        }
        for (ObjectName name : names) {
            String pool = (String) server.getAttribute(name, "Pool");
            for (CompositeData row : (CompositeData[]) server.getAttribute(name, "Commands")) {
                String prefix = "commands[" + pool + "]." + row.get("command") + ".";
                for (String item : row.getCompositeType().keySet()) {
                    if (!item.equals("command")) {
                        result(prefix + item, row.get(item));
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (ObjectName name : server.queryNames(new ObjectName("dev.poolsight:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value = server.getAttribute(name, attribute.getName());
                text.append(name).append(' ').append(value instanceof Object[] array
                        ? java.util.Arrays.deepToString(array) : String.valueOf(value)).append(' ');
            }
        }
        result("mbeanText", text.toString().replace('\n', ' '));
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
