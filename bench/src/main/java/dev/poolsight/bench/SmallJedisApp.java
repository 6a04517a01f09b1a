package dev.poolsight.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * The application {@link StartupBenchmark} and {@link StartupFootprint} start, doing what a real one does in its
 * first second: builds a pool, makes 1,000 pooled PINGs, reads its {@code dev.poolsight} MBeans through the
 * platform MBean server as a monitoring library would (waiting for them when told the agent is there, since the
 * agent registers them on its own thread), then prints its peak resident memory and exits.
 *
 * <pre>
 * SmallJedisApp HOST PORT [withAgent]
 * </pre>
 */
public final class SmallJedisApp {

    private static final int BORROWS = 1_000;

    private SmallJedisApp() {
    }

    public static void main(String[] args) throws Exception {
        boolean withAgent = args.length > 2 && args[2].equals("withAgent");
        try (JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1]))) {
            for (int i = 0; i < BORROWS; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                }
            }
            int read = readPoolsightMBeans(withAgent);
            if (withAgent && read == 0) {
                throw new IllegalStateException("the agent registered no dev.poolsight MBean");
            }
        }
        System.out.println("peakRssKiB=" + peakRssKiB());
    }

    /**
     * Reads every attribute of every dev.poolsight MBean; returns how many attributes were read. Waits for the first
     * one by listening for its registration rather than polling, so that the wait takes no CPU from the agent's
     * thread that registers it.
     */
    private static int readPoolsightMBeans(boolean waitForThem) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName poolsight = new ObjectName("dev.poolsight:*");
        CountDownLatch registered = new CountDownLatch(1);
        NotificationListener listener = (notification, handback) -> {
            if (notification instanceof MBeanServerNotification registration
                    && poolsight.apply(registration.getMBeanName())) {
                registered.countDown();
            }
        };
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener, null, null);
        Set<ObjectName> names = server.queryNames(poolsight, null);
        if (waitForThem && names.isEmpty()) {
            registered.await(5, TimeUnit.SECONDS);
            names = server.queryNames(poolsight, null);
        }
        server.removeNotificationListener(MBeanServerDelegate.DELEGATE_NAME, listener);
        int read = 0;
        for (ObjectName name : names) {
            MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();
            String[] attributeNames = new String[attributes.length];
            for (int i = 0; i < attributes.length; i++) {
                attributeNames[i] = attributes[i].getName();
            }
            read += server.getAttributes(name, attributeNames).size();
        }
        return read;
    }

    /** The process's peak resident set (VmHWM), or -1 off Linux. */
    private static long peakRssKiB() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
