package dev.poolsight.agent.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * An application for the Jolokia tests, run in a child JVM with the agent: {@code JolokiaHost <scenario> [args]}.
 *
 * <ul>
 *   <li>{@code serve}: registers a {@link ProbeMBean} in the domain dev.poolsight and a {@link TripwireMBean} outside
 *       the policy, prints READY and serves until the test writes STOP on stdin;</li>
 *   <li>{@code work}: does a little work, prints its result and ends, the agent's Jolokia threads notwithstanding.</li>
 * </ul>
 */
public final class JolokiaHost {

    private static final BufferedReader STDIN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private JolokiaHost() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "serve" -> serve();
            case "work" -> work();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    private static void serve() throws Exception {
        Tripwire tripwire = new Tripwire();
        register(new StandardMBean(new Probe(tripwire), ProbeMBean.class), "dev.poolsight:type=JolokiaProbe");
        register(new StandardMBean(tripwire, TripwireMBean.class), "com.example.outside:type=Tripwire");
        ready();
        awaitLine("STOP");
    }

    private static void work() {
        long sum = 0;
        for (int i = 1; i <= 1000; i++) {
            sum += i;
        }
        HostReport.result("work", sum);
    }

    private static void register(Object mbean, String name) throws JMException {
        ManagementFactory.getPlatformMBeanServer().registerMBean(mbean, new ObjectName(name));
    }

    private static void ready() {
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
    }

    private static void awaitLine(String expected) throws Exception {
        String line = STDIN.readLine();
        if (!expected.equals(line)) {
            throw new IllegalStateException("expected " + expected + " from the test, got " + line);
        }
    }

    /** A Poolsight MBean to read, write and invoke through Jolokia. */
    public interface ProbeMBean {

        int getAnswer();

        String getLabel();

        void setLabel(String label);

        void reset();

        int getResets();

        /** How often a getter of the MBean outside the policy has run. */
        int getOutsideReads();
    }

    /** An MBean outside the policy's domains that counts every read. */
    public interface TripwireMBean {

        String getSecret();
    }

    static final class Probe implements ProbeMBean {

        private final Tripwire tripwire;
        private final AtomicInteger resets = new AtomicInteger();
        private volatile String label = "initial";

        Probe(Tripwire tripwire) {
            this.tripwire = tripwire;
        }

        @Override
        public int getAnswer() {
            return 42;
        }

        @Override
        public String getLabel() {
            return label;
        }

        @Override
        public void setLabel(String label) {
            this.label = label;
        }

        @Override
        public void reset() {
            resets.incrementAndGet();
        }

        @Override
        public int getResets() {
            return resets.get();
        }

        @Override
        public int getOutsideReads() {
            return tripwire.reads.get();
        }
    }

    static final class Tripwire implements TripwireMBean {

        private final AtomicInteger reads = new AtomicInteger();

        @Override
        public String getSecret() {
            reads.incrementAndGet();
            return "outside the policy";
        }
    }
}
