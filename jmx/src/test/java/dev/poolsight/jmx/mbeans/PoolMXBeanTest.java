package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.FakeGauges;

import dev.poolsight.jmx.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.poolsight.jmx.LatencySnapshot;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolMXBeanTest {

    private static final Duration LEAK_THRESHOLD = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry =
            new PoolRegistry(new RecorderSettings(Duration.ofSeconds(60), LEAK_THRESHOLD), clock);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final PoolMBeans mbeans = PoolMBeans.install(registry, () -> server, Duration.ofSeconds(10), clock,
            Runnable::run);
    /** Fields, so that the pools stay reachable: the registry holds them weakly. */
    private final Object pool = new Object();
    private final Object otherPool = new Object();
    private final FakeGauges gauges = new FakeGauges(3, 2, 1, 8, 4);
    private final PoolRecorder recorder = registry.register(pool, "redis", gauges);
    private final ObjectName name = ObjectNames.pool("redis");

    @AfterEach
    void uninstall() {
        mbeans.close();
    }

    /**
     * 100 borrows waiting 0.1 ms to 10 ms, one of them invalidated, the rest still out; three more, returned after
     * holds of 5, 15 and 30 ms as the pool measured them; other outcomes.
     */
    private void recordTraffic() {
        Object lent = null;
        for (int i = 1; i <= 100; i++) {
            lent = new Object();
            recorder.borrowSucceeded(lent, i * 100_000L);
            recorder.observedBorrowsNotReturned(i);
        }
        long[] holds = {5_000_000, 15_000_000, 30_000_000};
        for (int i = 0; i < holds.length; i++) {
            Object connection = new Object();
            recorder.borrowSucceeded(connection, 0);
            recorder.observedBorrowsNotReturned(101); // the one before was returned
            recorder.returned(connection);
            recorder.held(holds[i]);
        }
        recorder.invalidated(lent);
        clock.advance(Duration.ofMillis(30));
        recorder.borrowExhausted(2_000_000);
        recorder.borrowFailed(1_000_000);
    }

    @Test
    void everyAttributeReadsWhatTheRecorderRecorded() throws Exception {
        recordTraffic();
        LatencySnapshot wait = recorder.waitTimeSnapshot();
        LatencySnapshot hold = recorder.holdTimeSnapshot();
        Map<String, Object> expected = new HashMap<>();
        expected.put("Name", "redis");
        expected.put("WindowSeconds", 60.0);
        expected.put("LeakThresholdSeconds", 30.0);
        expected.put("MaxTotal", 8);
        expected.put("MaxIdle", 4);
        expected.put("NumActive", 3);
        expected.put("NumIdle", 2);
        expected.put("NumWaiters", 1);
        expected.put("Utilization", 3 / 8.0);
        expected.put("PeakBorrowed", 8L); // 101 by the counts, shown as the pool's size
        expected.put("PeakUtilization", 1.0);
        expected.put("BorrowCount", 103L);
        expected.put("ReturnCount", 3L);
        expected.put("InvalidateCount", 1L);
        expected.put("ExhaustionCount", 1L);
        expected.put("BorrowFailureCount", 1L);
        expected.put("WaitTimeMeanMillis", wait.meanMillis());
        expected.put("WaitTimeP50Millis", wait.p50Millis());
        expected.put("WaitTimeP95Millis", wait.p95Millis());
        expected.put("WaitTimeP99Millis", wait.p99Millis());
        expected.put("WaitTimeMaxMillis", wait.maxMillis());
        expected.put("WaitTimeCount", wait.count());
        expected.put("HoldTimeMeanMillis", hold.meanMillis());
        expected.put("HoldTimeP50Millis", hold.p50Millis());
        expected.put("HoldTimeP95Millis", hold.p95Millis());
        expected.put("HoldTimeP99Millis", hold.p99Millis());
        expected.put("HoldTimeMaxMillis", hold.maxMillis());
        expected.put("HoldTimeCount", hold.count());
        expected.put("LeakSuspectCount", 0);

        MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();

        assertThat(attributes).extracting(MBeanAttributeInfo::getName)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (MBeanAttributeInfo attribute : attributes) {
            assertThat(server.getAttribute(name, attribute.getName()))
                    .as(attribute.getName())
                    .isEqualTo(expected.get(attribute.getName()));
        }
    }

    @Test
    void waitPercentilesAreTheRecordedWaitsInFractionalMilliseconds() throws Exception {
        recordTraffic(); // waits 0.1, 0.2, ... 10 ms, then 0 ms three times, 2 ms and 1 ms: 105 in all

        assertThat((double) server.getAttribute(name, "WaitTimeP50Millis")).isCloseTo(4.8, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "WaitTimeP95Millis")).isCloseTo(9.5, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "WaitTimeP99Millis")).isCloseTo(9.9, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "WaitTimeMaxMillis")).isCloseTo(10.0, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "WaitTimeMeanMillis"))
                .isCloseTo((505.0 + 3.0) / 105, withinPercentage(0.1));
    }

    @Test
    void holdPercentilesAreTheRecordedHolds() throws Exception {
        recordTraffic(); // held 5, 15 and 30 ms

        assertThat((double) server.getAttribute(name, "HoldTimeP50Millis")).isCloseTo(15.0, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "HoldTimeP99Millis")).isCloseTo(30.0, withinPercentage(0.1));
        assertThat((double) server.getAttribute(name, "HoldTimeMeanMillis")).isCloseTo(50.0 / 3, withinPercentage(0.1));
    }

    @Test
    void aSubMillisecondWaitIsNotRoundedToAWholeMillisecond() throws Exception {
        recorder.borrowSucceeded(new Object(), 250_000);

        assertThat((double) server.getAttribute(name, "WaitTimeMaxMillis")).isCloseTo(0.25, within(0.001));
    }

    @Test
    void aMultiAttributeReadReturnsTheSameValuesAsSingleReads() throws Exception {
        recordTraffic();
        String[] latencies = {"WaitTimeP50Millis", "WaitTimeP99Millis", "HoldTimeP50Millis", "HoldTimeMaxMillis"};

        List<Attribute> read = server.getAttributes(name, latencies).asList();

        assertThat(read).extracting(Attribute::getName).containsExactly(latencies);
        for (Attribute attribute : read) {
            assertThat(attribute.getValue()).isEqualTo(server.getAttribute(name, attribute.getName()));
        }
    }

    @Test
    void anUnboundedPoolHasNoUtilization() throws Exception {
        gauges.maxTotal = -1;

        assertThat((double) server.getAttribute(name, "Utilization")).isNaN();
        assertThat((double) server.getAttribute(name, "PeakUtilization")).isNaN();
    }

    @Test
    void resetPeaksStartsThePeakOverFromWhatIsLentOutNow() throws Exception {
        Object kept = new Object();
        Object returned = new Object();
        recorder.borrowSucceeded(kept, 0);
        recorder.observedBorrowsNotReturned(1);
        recorder.borrowSucceeded(returned, 0);
        recorder.observedBorrowsNotReturned(2);
        recorder.returned(returned);
        recorder.held(0);
        gauges.numActive = 1;

        server.invoke(name, "resetPeaks", new Object[0], new String[0]);

        assertThat(server.getAttribute(name, "PeakBorrowed")).isEqualTo(1L);
        assertThat(server.getAttribute(name, "PeakUtilization")).isEqualTo(1 / 8.0);
    }

    @Test
    void listLeakSuspectsGivesEachSuspectWithItsBorrowerAndStackTrace() throws Exception {
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(10));
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(25));

        CompositeData[] suspects = (CompositeData[]) server.invoke(name, "listLeakSuspects", new Object[0],
                new String[0]);

        assertThat(server.getAttribute(name, "LeakSuspectCount")).isEqualTo(1);
        assertThat(suspects).hasSize(1);
        assertThat(suspects[0].get("heldForMillis")).isEqualTo(35_000.0);
        assertThat(suspects[0].get("threadName")).isEqualTo(Thread.currentThread().getName());
        assertThat((String) suspects[0].get("object")).startsWith("java.lang.Object@");
        String[] stackTrace = (String[]) suspects[0].get("stackTrace");
        assertThat(stackTrace[0]).startsWith("at " + PoolMXBeanTest.class.getName()
                        + ".listLeakSuspectsGivesEachSuspectWithItsBorrowerAndStackTrace(");
    }

    @Test
    void listLeakSuspectsIsEmptyWithoutLeakDetection() throws Exception {
        registry.configure(Duration.ofSeconds(60), null);
        PoolRecorder undetected = registry.register(otherPool, "no-leak-detection", gauges);
        undetected.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofHours(1));

        Object suspects = server.invoke(ObjectNames.pool("no-leak-detection"), "listLeakSuspects", new Object[0],
                new String[0]);

        assertThat((CompositeData[]) suspects).isEmpty();
        assertThat(server.getAttribute(ObjectNames.pool("no-leak-detection"), "LeakThresholdSeconds"))
                .isEqualTo(0.0);
    }
}
