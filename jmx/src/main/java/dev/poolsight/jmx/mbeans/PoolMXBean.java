package dev.poolsight.jmx.mbeans;

import java.util.List;
import javax.management.MBeanOperationInfo;

/**
 * One object pool as JMX shows it, under {@code dev.poolsight:type=Pool,name=<pool>} (see {@link ObjectNames}).
 *
 * <p>Counters run since the pool was registered. Percentiles cover the recorder's sliding window (60 s unless the
 * agent was told otherwise; {@link #getWindowSeconds()}), and each attribute's description names it. Times are
 * fractional milliseconds, accurate to three significant digits. A gauge that cannot be read is -1.
 *
 * <p>The MBean also emits the notifications of {@link PoolNotifications}: pool exhausted and leak suspected.
 */
@Description("A Commons Pool 2 object pool measured by Poolsight: counters since start, wait and hold time "
        + "percentiles over the last {window}, the pool's gauges and its leak suspects")
public interface PoolMXBean {

    @Description("The pool's name, unique among the pools of this JVM")
    String getName();

    @Description("How far back the wait and hold time percentiles look")
    @Units("seconds")
    double getWindowSeconds();

    @Description("Objects held longer than this are leak suspects; 0 when leak detection is off")
    @Units("seconds")
    double getLeakThresholdSeconds();

    @Description("The most objects the pool may hold, now; zero or less means no limit, -1 when unknown")
    @Units("objects")
    int getMaxTotal();

    @Description("The most idle objects the pool keeps, now; -1 when unknown")
    @Units("objects")
    int getMaxIdle();

    @Description("Objects lent out now, or being created, validated or destroyed for a borrow; -1 when unknown")
    @Units("objects")
    int getNumActive();

    @Description("Objects waiting in the pool to be borrowed now; -1 when unknown")
    @Units("objects")
    int getNumIdle();

    @Description("Threads blocked waiting for an object now; -1 when unknown")
    @Units("threads")
    int getNumWaiters();

    @Description("The share of the pool in use now, NumActive / MaxTotal, from 0 to 1; NaN when the pool has no "
            + "limit or a gauge cannot be read")
    @Units("ratio")
    double getUtilization();

    @Description("The most objects lent out at once since start or the last resetPeaks, measured at every borrow")
    @Units("objects")
    long getPeakBorrowed();

    @Description("PeakBorrowed / MaxTotal, from 0 to 1: the fullest the pool has been since start or the last "
            + "resetPeaks; NaN when the pool has no limit")
    @Units("ratio")
    double getPeakUtilization();

    @Description("Successful borrows since start")
    @Units("borrows")
    long getBorrowCount();

    @Description("Objects given back to the pool since start")
    @Units("returns")
    long getReturnCount();

    @Description("Objects invalidated (destroyed instead of given back) since start")
    @Units("invalidations")
    long getInvalidateCount();

    @Description("Borrows that found the pool exhausted since start: no object came free within the maximum wait, "
            + "or the caller could not wait")
    @Units("borrows")
    long getExhaustionCount();

    @Description("Borrows that failed for another reason than exhaustion since start: an object could not be "
            + "created, activated or validated")
    @Units("borrows")
    long getBorrowFailureCount();

    @Description("Mean borrow wait over the last {window} (successful borrows and those that timed out); 0 without borrows")
    @Units("milliseconds")
    double getWaitTimeMeanMillis();

    @Description("Median (p50) of borrow wait over the last {window} (successful borrows and those that timed out)")
    @Units("milliseconds")
    double getWaitTimeP50Millis();

    @Description("p95 of borrow wait over the last {window} (successful borrows and those that timed out)")
    @Units("milliseconds")
    double getWaitTimeP95Millis();

    @Description("p99 of borrow wait over the last {window} (successful borrows and those that timed out)")
    @Units("milliseconds")
    double getWaitTimeP99Millis();

    @Description("Longest borrow wait over the last {window} (successful borrows and those that timed out)")
    @Units("milliseconds")
    double getWaitTimeMaxMillis();

    @Description("How many borrow waits the wait percentiles of the last {window} are taken from")
    @Units("waits")
    long getWaitTimeCount();

    @Description("Mean hold time (borrow to return) over the last {window}; 0 without returns")
    @Units("milliseconds")
    double getHoldTimeMeanMillis();

    @Description("Median (p50) of hold time (borrow to return) over the last {window}")
    @Units("milliseconds")
    double getHoldTimeP50Millis();

    @Description("p95 of hold time (borrow to return) over the last {window}")
    @Units("milliseconds")
    double getHoldTimeP95Millis();

    @Description("p99 of hold time (borrow to return) over the last {window}")
    @Units("milliseconds")
    double getHoldTimeP99Millis();

    @Description("Longest hold time (borrow to return) over the last {window}")
    @Units("milliseconds")
    double getHoldTimeMaxMillis();

    @Description("How many hold times the hold percentiles of the last {window} are taken from")
    @Units("returns")
    long getHoldTimeCount();

    @Description("Objects lent out longer than the leak threshold ({leakThreshold}) now; 0 when leak detection is off")
    @Units("objects")
    int getLeakSuspectCount();

    @Description(value = "Starts PeakBorrowed and PeakUtilization over from the number of objects lent out now",
            impact = MBeanOperationInfo.ACTION)
    void resetPeaks();

    @Description(value = "The objects lent out longer than the leak threshold ({leakThreshold}), longest held first, each "
            + "with the thread that borrowed it and the stack trace of the borrow; empty when leak detection is off",
            impact = MBeanOperationInfo.INFO)
    List<LeakSuspectData> listLeakSuspects();
}
