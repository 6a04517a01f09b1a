package dev.poolsight.agent.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A small application on a real Jedis pool, run in a child JVM with the agent:
 * {@code JedisHost <redis host> <redis port> <scenario>}.
 */
public final class JedisHost {

    private JedisHost() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        switch (args[2]) {
            case "borrows" -> borrows(host, port);
            case "exhaustion" -> exhaustion(host, port);
            case "holds" -> holds(host, port);
            case "attach" -> attachLater(host, port);
            case "leak" -> leak(host, port);
            default -> throw new IllegalArgumentException("unknown scenario " + args[2]);
        }
    }

    /** 1,000 borrows through every overload Jedis uses, each returned. */
    private static void borrows(String host, int port) throws Exception {
        try (JedisPool pool = new JedisPool(config(8, Duration.ofSeconds(5)), host, port)) {
            for (int i = 0; i < 1000; i++) {
                try (Jedis jedis = pool.getResource()) {
                    if (i % 100 == 0) {
                        jedis.ping();
                    }
                }
            }
            HostReport.pools();
        }
    }

    /** maxTotal 4, a 20 ms timeout and 32 threads holding connections: count the exhaustion errors caught. */
    private static void exhaustion(String host, int port) throws Exception {
        AtomicInteger caught = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        try (JedisPool pool = new JedisPool(config(4, Duration.ofMillis(20)), host, port)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                Thread thread = new Thread(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < 10; i++) {
                        try (Jedis jedis = pool.getResource()) {
                            jedis.ping();
                            sleepQuietly(25); // the application's own work while it holds the connection
                            served.incrementAndGet();
                        } catch (JedisException e) {
                            if (isExhaustion(e)) {
                                caught.incrementAndGet();
                            } else {
                                throw e;
                            }
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            HostReport.result("caughtExhaustions", caught.get());
            HostReport.result("served", served.get());
            HostReport.pools();
        }
    }

    /** 100 borrows that each hold their connection for 5 ms. */
    private static void holds(String host, int port) throws Exception {
        try (JedisPool pool = new JedisPool(config(8, Duration.ofSeconds(5)), host, port)) {
            for (int i = 0; i < 100; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                    sleepQuietly(5);
                }
            }
            HostReport.pools();
        }
    }

    /**
     * With the agent's leakThreshold=50ms: one connection kept past the threshold while ten others come and go;
     * reports the suspects the agent saw then, and after the connection is returned.
     */
    private static void leak(String host, int port) throws Exception {
        try (JedisPool pool = new JedisPool(config(8, Duration.ofSeconds(5)), host, port)) {
            Jedis kept = borrowAndForget(pool);
            for (int i = 0; i < 10; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                }
            }
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName mbean = HostReport.poolMBeans(server).iterator().next();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (suspectCount(server, mbean) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // the agent's threshold is wall-clock time: it has to pass
            }
            CompositeData[] suspects = (CompositeData[]) server.invoke(mbean, "listLeakSuspects", null, null);
            HostReport.result("suspectsWhileHeld", suspects.length);
            HostReport.result("suspectStack",
                    suspects.length == 0 ? "" : String.join(" ", (String[]) suspects[0].get("stackTrace")));
            kept.close();
            HostReport.result("suspectsAfterReturn", suspectCount(server, mbean));
            HostReport.pools();
        }
    }

    private static int suspectCount(MBeanServer server, ObjectName mbean) throws JMException {
        return (int) server.getAttribute(mbean, "LeakSuspectCount");
    }

    private static Jedis borrowAndForget(JedisPool pool) {
        Jedis jedis = pool.getResource();
        jedis.ping();
        return jedis;
    }

    /** Builds and uses a pool, then waits for the test to attach the agent, then borrows 100 times more. */
    private static void attachLater(String host, int port) throws Exception {
        try (JedisPool pool = new JedisPool(config(8, Duration.ofSeconds(5)), host, port)) {
            for (int i = 0; i < 10; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                }
            }
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                throw new IllegalStateException("expected GO from the test");
            }
            for (int i = 0; i < 100; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                }
            }
            HostReport.pools();
        }
    }

    static boolean isExhaustion(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.util.NoSuchElementException && t.getMessage() != null
                    && t.getMessage().startsWith("Timeout waiting for idle object")) {
                return true;
            }
        }
        return false;
    }

    static JedisPoolConfig config(int maxTotal, Duration maxWait) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(maxTotal);
        config.setMaxIdle(maxTotal);
        config.setMaxWait(maxWait);
        config.setBlockWhenExhausted(true);
        return config;
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
