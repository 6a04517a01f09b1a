package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PoolRecorderTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeClock clock = new FakeClock();
    private final FakeGauges gauges = new FakeGauges();
    private final PoolRecorder recorder = new PoolRecorder("redis", gauges, RecorderSettings.defaults(), clock);

    @Test
    void eachSuccessfulBorrowIsCounted() {
        recorder.borrowSucceeded(new Object(), MILLI);
        recorder.borrowSucceeded(new Object(), MILLI);

        assertThat(recorder.borrowCount()).isEqualTo(2);
        assertThat(recorder.exhaustionCount()).isZero();
        assertThat(recorder.borrowFailureCount()).isZero();
    }

    @Test
    void exhaustionsAreCountedApartFromOtherFailures() {
        recorder.borrowExhausted(30 * MILLI);
        recorder.borrowExhausted(30 * MILLI);
        recorder.borrowFailed(MILLI);

        assertThat(recorder.exhaustionCount()).isEqualTo(2);
        assertThat(recorder.borrowFailureCount()).isEqualTo(1);
        assertThat(recorder.borrowCount()).isZero();
    }

    @Test
    void theWaitOfEveryBorrowIsRecordedWhateverItsOutcome() {
        recorder.borrowSucceeded(new Object(), 2 * MILLI);
        recorder.borrowExhausted(30 * MILLI);
        recorder.borrowFailed(5 * MILLI);

        LatencySnapshot waits = recorder.waitTimeSnapshot();

        assertThat(waits.count()).isEqualTo(3);
        assertThat(waits.maxMillis()).isCloseTo(30, withinPercentage(0.1));
    }

    @Test
    void holdTimesAreRecordedAsTheCallerMeasuredThem() {
        Object connection = new Object();
        recorder.borrowSucceeded(connection, 0);
        clock.advanceMillis(1_000); // the recorder reads no clock for holds: the pool's own measure counts

        recorder.returned(connection);
        recorder.held(42 * MILLI);

        assertThat(recorder.returnCount()).isEqualTo(1);
        assertThat(recorder.holdTimeSnapshot().count()).isEqualTo(1);
        assertThat(recorder.holdTimeSnapshot().p50Millis()).isCloseTo(42, withinPercentage(0.1));
    }

    @Test
    void anInvalidatedObjectIsCountedAndNoLongerCountsAsLentOut() {
        recorder.borrowSucceeded(new Object(), 0);
        recorder.observedBorrowsNotReturned(1);

        recorder.invalidated(new Object());
        recorder.borrowSucceeded(new Object(), 0);
        recorder.observedBorrowsNotReturned(2); // the pool never counts the invalidated object as returned

        assertThat(recorder.invalidateCount()).isEqualTo(1);
        assertThat(recorder.returnCount()).isZero();
        assertThat(recorder.peakBorrowed()).isEqualTo(1);
    }

    @Test
    void aPoolFoundInUseLeavesOutTheObjectsItsCountsShowThatItNoLongerHas() {
        FakeGauges inUse = new FakeGauges();
        inUse.borrowsNotReturned = 7; // five of them invalidated before recording began
        inUse.numActive = 2;
        PoolRecorder found = new PoolRecorder("found", inUse, RecorderSettings.defaults(), clock);

        found.borrowSucceeded(new Object(), 0);
        found.observedBorrowsNotReturned(8);

        assertThat(found.peakBorrowed()).isEqualTo(3);
    }

    @Test
    void aReturnIsCountedWithItsHoldTimeNotWhenItBegins() {
        recorder.returned(new Object());

        assertThat(recorder.returnCount()).isZero();

        recorder.held(MILLI);

        assertThat(recorder.returnCount()).isEqualTo(1);
    }

    @Test
    void aFailureWithAnUnknownWaitIsCountedButAddsNoWait() {
        recorder.borrowExhausted(PoolRecorder.UNKNOWN_WAIT);
        recorder.borrowFailed(PoolRecorder.UNKNOWN_WAIT);

        assertThat(recorder.exhaustionCount()).isEqualTo(1);
        assertThat(recorder.borrowFailureCount()).isEqualTo(1);
        assertThat(recorder.waitTimeSnapshot().count()).isZero();
    }

    @Test
    void withoutLeakDetectionNoObjectIsTracked() {
        recorder.borrowSucceeded(new Object(), 0);

        assertThat(recorder.tracksObjects()).isFalse();
        int[] tracked = {0};
        recorder.holds().forEach((object, since, site) -> tracked[0]++);
        assertThat(tracked[0]).isZero();
    }

    @Test
    void nullObjectsAreCountedButNotTracked() {
        recorder.borrowSucceeded(null, MILLI);
        recorder.returned(null);
        recorder.held(MILLI);

        assertThat(recorder.borrowCount()).isEqualTo(1);
        assertThat(recorder.returnCount()).isEqualTo(1);
    }

    @Test
    void oldValuesLeaveTheWindowWhileCountersKeepThem() {
        Object connection = new Object();
        recorder.borrowSucceeded(connection, 3 * MILLI);
        recorder.returned(connection);
        recorder.held(10 * MILLI);
        recorder.advanceWindows();

        clock.advance(Duration.ofSeconds(61));

        assertThat(recorder.waitTimeSnapshot()).isEqualTo(LatencySnapshot.EMPTY);
        assertThat(recorder.holdTimeSnapshot()).isEqualTo(LatencySnapshot.EMPTY);
        assertThat(recorder.borrowCount()).isEqualTo(1);
        assertThat(recorder.returnCount()).isEqualTo(1);
    }

    @Test
    void statsKeepWaitsAndHoldsInBucketsSinceStartAfterTheyLeaveTheWindow() {
        Object connection = new Object();
        recorder.borrowSucceeded(connection, 3 * MILLI);
        recorder.borrowExhausted(30 * MILLI);
        recorder.returned(connection);
        recorder.held(10 * MILLI);
        recorder.advanceWindows();

        clock.advance(Duration.ofSeconds(61));
        PoolStats stats = recorder.stats();

        assertThat(stats.waitTime()).isEqualTo(LatencySnapshot.EMPTY);
        assertThat(stats.waitTimeBuckets().totalCount()).isEqualTo(2);
        assertThat(stats.waitTimeBuckets().sumSeconds()).isCloseTo(0.033, withinPercentage(0.001));
        assertThat(stats.holdTimeBuckets().totalCount()).isEqualTo(1);
        assertThat(stats.holdTimeBuckets().sumSeconds()).isCloseTo(0.010, withinPercentage(0.001));
    }

    @Test
    void utilizationIsActiveObjectsOverMaxTotal() {
        gauges.numActive = 6;
        gauges.maxTotal = 8;

        assertThat(recorder.utilization()).isEqualTo(0.75);
    }

    @Test
    void utilizationOfAnUnboundedPoolIsNaN() {
        gauges.numActive = 6;
        gauges.maxTotal = -1;

        assertThat(recorder.utilization()).isNaN();
    }

    @Test
    void utilizationIsNaNWhenTheActiveCountIsUnknown() {
        gauges.numActive = -1;

        assertThat(recorder.utilization()).isNaN();
    }

    @Test
    void aGaugeThatThrowsReadsAsUnknownAndIsCountedAsAnAgentFailure() {
        PoolGauges broken = new FakeGauges() {
            @Override
            public int numWaiters() {
                throw new IllegalStateException("pool gone");
            }
        };
        PoolRecorder withBrokenGauge = new PoolRecorder("broken", broken, RecorderSettings.defaults(), clock);
        String kind = "read gauge numWaiters: java.lang.IllegalStateException";
        long before = AgentHealth.failureCounts().getOrDefault(kind, 0L);

        assertThat(withBrokenGauge.stats().numWaiters()).isEqualTo(-1);
        assertThat(AgentHealth.failureCounts()).containsEntry(kind, before + 1);
    }

    @Test
    void peakUtilizationIsTheMostObjectsLentOutAtOnceOverMaxTotal() {
        gauges.maxTotal = 4;
        Object first = new Object();
        Object second = new Object();
        Object third = new Object();
        recorder.borrowSucceeded(first, 0);
        recorder.observedBorrowsNotReturned(1);
        recorder.borrowSucceeded(second, 0);
        recorder.observedBorrowsNotReturned(2);
        recorder.returned(first);
        recorder.held(0);
        recorder.borrowSucceeded(third, 0);
        recorder.observedBorrowsNotReturned(2);
        recorder.borrowSucceeded(first, 0);
        recorder.observedBorrowsNotReturned(3);

        assertThat(recorder.peakBorrowed()).isEqualTo(3);
        assertThat(recorder.peakUtilization()).isEqualTo(0.75);
    }

    @Test
    void thePeakIsNeverShownAboveThePoolsSize() {
        gauges.maxTotal = 4;
        // Counted twice: taken by a borrower in the instant after its return put it back, before the pool counted it.
        recorder.observedBorrowsNotReturned(5);

        assertThat(recorder.peakBorrowed()).isEqualTo(4);
        assertThat(recorder.peakUtilization()).isEqualTo(1.0);
        assertThat(recorder.stats().peakBorrowed()).isEqualTo(4);
    }

    @Test
    void resettingPeaksStartsThemOverFromWhatIsLentOutNow() {
        Object first = new Object();
        Object second = new Object();
        recorder.borrowSucceeded(first, 0);
        recorder.observedBorrowsNotReturned(1);
        recorder.borrowSucceeded(second, 0);
        recorder.observedBorrowsNotReturned(2);
        recorder.returned(first);
        recorder.held(0);
        gauges.numActive = 1;

        recorder.resetPeaks();

        assertThat(recorder.peakBorrowed()).isEqualTo(1);
    }

    @Test
    void statsGatherCountersGaugesPercentilesAndTheWindow() {
        gauges.numActive = 2;
        gauges.numIdle = 3;
        gauges.numWaiters = 1;
        gauges.maxTotal = 8;
        gauges.maxIdle = 4;
        Object connection = new Object();
        recorder.borrowSucceeded(connection, 2 * MILLI);
        recorder.observedBorrowsNotReturned(1);
        recorder.returned(connection);
        recorder.held(20 * MILLI);
        recorder.borrowExhausted(MILLI);

        PoolStats stats = recorder.stats();

        assertThat(stats.name()).isEqualTo("redis");
        assertThat(stats.borrowCount()).isEqualTo(1);
        assertThat(stats.exhaustionCount()).isEqualTo(1);
        assertThat(stats.returnCount()).isEqualTo(1);
        assertThat(stats.numActive()).isEqualTo(2);
        assertThat(stats.numIdle()).isEqualTo(3);
        assertThat(stats.numWaiters()).isEqualTo(1);
        assertThat(stats.maxTotal()).isEqualTo(8);
        assertThat(stats.maxIdle()).isEqualTo(4);
        assertThat(stats.utilization()).isEqualTo(0.25);
        assertThat(stats.peakBorrowed()).isEqualTo(1);
        assertThat(stats.peakUtilization()).isEqualTo(0.125);
        assertThat(stats.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(stats.waitTime().count()).isEqualTo(2);
        assertThat(stats.holdTime().p99Millis()).isCloseTo(20, withinPercentage(0.1));
        assertThat(stats.leakSuspectCount()).isZero();
    }

    @Test
    void concurrentBorrowAndReturnPairsAreCountedExactly() throws Exception {
        int threads = 8;
        int pairs = 20_000;
        // The pool's own counters, as Commons Pool keeps them.
        AtomicLong poolBorrows = new AtomicLong();
        AtomicLong poolReturns = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    Object connection = new Object(); // each thread reuses its own, as a pool's objects are reused
                    start.await();
                    for (int i = 0; i < pairs; i++) {
                        recorder.borrowSucceeded(connection, MILLI);
                        recorder.observedBorrowsNotReturned(poolBorrows.incrementAndGet() - poolReturns.get());
                        recorder.returned(connection);
                        poolReturns.incrementAndGet();
                        recorder.held(MILLI);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        long total = (long) threads * pairs;
        assertThat(recorder.borrowCount()).isEqualTo(total);
        assertThat(recorder.returnCount()).isEqualTo(total);
        assertThat(recorder.waitTimeSnapshot().count()).isEqualTo(total);
        assertThat(recorder.holdTimeSnapshot().count()).isEqualTo(total);
        assertThat(recorder.peakBorrowed()).isBetween(1L, (long) threads);
    }

    @Test
    void borrowingAndReturningAllocateNothingOnceWarm() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean,
                "needs a JVM that counts allocated bytes per thread");
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        Object connection = new Object();
        int pairs = 100_000;
        borrowAndReturn(connection, pairs); // warm up: LongAdder cells, histogram arrays, JIT

        long before = allocation.getCurrentThreadAllocatedBytes();
        borrowAndReturn(connection, pairs);
        long allocated = allocation.getCurrentThreadAllocatedBytes() - before;

        // One allocation per pair would be at least 16 bytes each, 1.6 MB in all; allow the measurement's own.
        assertThat(allocated).isLessThan(pairs / 10);
    }

    private void borrowAndReturn(Object connection, int pairs) {
        for (int i = 0; i < pairs; i++) {
            recorder.borrowSucceeded(connection, MILLI);
            recorder.observedBorrowsNotReturned(1);
            recorder.returned(connection);
            recorder.held(MILLI);
            recorder.borrowExhausted(MILLI);
            recorder.borrowFailed(MILLI);
            recorder.borrowSucceeded(connection, MILLI);
            recorder.invalidated(connection);
        }
    }
}
