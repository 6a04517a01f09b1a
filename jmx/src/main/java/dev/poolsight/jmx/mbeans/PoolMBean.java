package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.LatencySnapshot;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link PoolMXBean} read from a {@link PoolRecorder}, on demand: nothing is copied or cached between reads.
 *
 * <p>Within {@link #readingOnce}, which the MBean wraps around a multi-attribute read (JConsole, VisualVM and
 * Jolokia read all attributes in one call), every attribute comes from one {@link PoolStats}, taken at the first
 * attribute read: the counts of one read never contradict each other (ReturnCount never above BorrowCount because
 * returns were counted after the borrows), the percentiles agree (p50 never above p99), and the windows are merged
 * once instead of ten times.
 */
final class PoolMBean implements PoolMXBean {

    private final PoolRecorder recorder;
    private final ThreadLocal<Snapshot> batch = new ThreadLocal<>();

    PoolMBean(PoolRecorder recorder) {
        this.recorder = recorder;
    }

    /** Runs {@code read} with every attribute it reads taken from one {@link PoolStats}. */
    <T> T readingOnce(Supplier<T> read) {
        batch.set(new Snapshot());
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
        PoolStats shared = shared();
        return shared != null ? shared.maxTotal() : recorder.maxTotal();
    }

    @Override
    public int getMaxIdle() {
        PoolStats shared = shared();
        return shared != null ? shared.maxIdle() : recorder.maxIdle();
    }

    @Override
    public int getNumActive() {
        PoolStats shared = shared();
        return shared != null ? shared.numActive() : recorder.numActive();
    }

    @Override
    public int getNumIdle() {
        PoolStats shared = shared();
        return shared != null ? shared.numIdle() : recorder.numIdle();
    }

    @Override
    public int getNumWaiters() {
        PoolStats shared = shared();
        return shared != null ? shared.numWaiters() : recorder.numWaiters();
    }

    @Override
    public double getUtilization() {
        PoolStats shared = shared();
        return shared != null ? shared.utilization() : recorder.utilization();
    }

    @Override
    public long getPeakBorrowed() {
        PoolStats shared = shared();
        return shared != null ? shared.peakBorrowed() : recorder.peakBorrowed();
    }

    @Override
    public double getPeakUtilization() {
        PoolStats shared = shared();
        return shared != null ? shared.peakUtilization() : recorder.peakUtilization();
    }

    @Override
    public long getBorrowCount() {
        PoolStats shared = shared();
        return shared != null ? shared.borrowCount() : recorder.borrowCount();
    }

    @Override
    public long getReturnCount() {
        PoolStats shared = shared();
        return shared != null ? shared.returnCount() : recorder.returnCount();
    }

    @Override
    public long getInvalidateCount() {
        PoolStats shared = shared();
        return shared != null ? shared.invalidateCount() : recorder.invalidateCount();
    }

    @Override
    public long getExhaustionCount() {
        PoolStats shared = shared();
        return shared != null ? shared.exhaustionCount() : recorder.exhaustionCount();
    }

    @Override
    public long getBorrowFailureCount() {
        PoolStats shared = shared();
        return shared != null ? shared.borrowFailureCount() : recorder.borrowFailureCount();
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
    public long getWaitTimeCount() {
        return waitTime().count();
    }

    @Override
    public long getHoldTimeCount() {
        return holdTime().count();
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
        PoolStats shared = shared();
        return shared != null ? shared.leakSuspectCount() : recorder.leakSuspectCount();
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
        PoolStats shared = shared();
        return shared != null ? shared.waitTime() : recorder.waitTimeSnapshot();
    }

    private LatencySnapshot holdTime() {
        PoolStats shared = shared();
        return shared != null ? shared.holdTime() : recorder.holdTimeSnapshot();
    }

    /** The snapshot of the multi-attribute read under way on this thread, taken now if not yet; null outside one. */
    private PoolStats shared() {
        Snapshot read = batch.get();
        if (read == null) {
            return null;
        }
        if (read.stats == null) {
            read.stats = recorder.stats();
        }
        return read.stats;
    }

    /** One multi-attribute read's {@link PoolStats}, taken when its first attribute is read. */
    private static final class Snapshot {
        private PoolStats stats;
    }
}
