package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.LatencySnapshot;
import dev.poolsight.jmx.PoolRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link PoolMXBean} read from a {@link PoolRecorder}, on demand: nothing is copied or cached between reads.
 *
 * <p>One exception: within {@link #readingOnce}, which the MBean wraps around a multi-attribute read (JConsole
 * reads all attributes in one call), the wait and hold time windows are summarised once and shared. A summary
 * merges the window's histograms, so this saves nine of ten merges, and it keeps the percentiles of one read
 * consistent with each other (p50 never above p99 because a borrow landed between the two).
 */
final class PoolMBean implements PoolMXBean {

    private final PoolRecorder recorder;
    private final ThreadLocal<Snapshots> batch = new ThreadLocal<>();

    PoolMBean(PoolRecorder recorder) {
        this.recorder = recorder;
    }

    /** Runs {@code read} with every latency attribute it reads taken from one summary per window. */
    <T> T readingOnce(Supplier<T> read) {
        batch.set(new Snapshots());
        try {
            return read.get();
        } finally {
            batch.remove();
        }
    }

    @Override
    public String getName() {
        return recorder.name();
    }

    @Override
    public double getWindowSeconds() {
        return seconds(recorder.window());
    }

    @Override
    public double getLeakThresholdSeconds() {
        return seconds(recorder.leakThreshold());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    @Override
    public int getMaxTotal() {
        return recorder.maxTotal();
    }

    @Override
    public int getMaxIdle() {
        return recorder.maxIdle();
    }

    @Override
    public int getNumActive() {
        return recorder.numActive();
    }

    @Override
    public int getNumIdle() {
        return recorder.numIdle();
    }

    @Override
    public int getNumWaiters() {
        return recorder.numWaiters();
    }

    @Override
    public double getUtilization() {
        return recorder.utilization();
    }

    @Override
    public long getPeakBorrowed() {
        return recorder.peakBorrowed();
    }

    @Override
    public double getPeakUtilization() {
        return recorder.peakUtilization();
    }

    @Override
    public long getBorrowCount() {
        return recorder.borrowCount();
    }

    @Override
    public long getReturnCount() {
        return recorder.returnCount();
    }

    @Override
    public long getInvalidateCount() {
        return recorder.invalidateCount();
    }

    @Override
    public long getExhaustionCount() {
        return recorder.exhaustionCount();
    }

    @Override
    public long getBorrowFailureCount() {
        return recorder.borrowFailureCount();
    }

    @Override
    public double getWaitTimeMeanMillis() {
        return waitTime().meanMillis();
    }

    @Override
    public double getWaitTimeP50Millis() {
        return waitTime().p50Millis();
    }

    @Override
    public double getWaitTimeP95Millis() {
        return waitTime().p95Millis();
    }

    @Override
    public double getWaitTimeP99Millis() {
        return waitTime().p99Millis();
    }

    @Override
    public double getWaitTimeMaxMillis() {
        return waitTime().maxMillis();
    }

    @Override
    public double getHoldTimeMeanMillis() {
        return holdTime().meanMillis();
    }

    @Override
    public double getHoldTimeP50Millis() {
        return holdTime().p50Millis();
    }

    @Override
    public double getHoldTimeP95Millis() {
        return holdTime().p95Millis();
    }

    @Override
    public double getHoldTimeP99Millis() {
        return holdTime().p99Millis();
    }

    @Override
    public double getHoldTimeMaxMillis() {
        return holdTime().maxMillis();
    }

    @Override
    public int getLeakSuspectCount() {
        return recorder.leakSuspectCount();
    }

    @Override
    public void resetPeaks() {
        recorder.resetPeaks();
    }

    @Override
    public List<LeakSuspectData> listLeakSuspects() {
        List<LeakSuspectData> suspects = new ArrayList<>();
        recorder.leakSuspects().forEach(suspect -> suspects.add(LeakSuspectData.of(suspect)));
        return suspects;
    }

    private LatencySnapshot waitTime() {
        Snapshots shared = batch.get();
        return shared == null ? recorder.waitTimeSnapshot() : shared.waitTime();
    }

    private LatencySnapshot holdTime() {
        Snapshots shared = batch.get();
        return shared == null ? recorder.holdTimeSnapshot() : shared.holdTime();
    }

    /** The window summaries of one multi-attribute read, each taken when first needed. */
    private final class Snapshots {

        private LatencySnapshot waitTime;
        private LatencySnapshot holdTime;

        LatencySnapshot waitTime() {
            if (waitTime == null) {
                waitTime = recorder.waitTimeSnapshot();
            }
            return waitTime;
        }

        LatencySnapshot holdTime() {
            if (holdTime == null) {
                holdTime = recorder.holdTimeSnapshot();
            }
            return holdTime;
        }
    }
}
