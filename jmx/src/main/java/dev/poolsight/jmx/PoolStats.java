package dev.poolsight.jmx;

import java.time.Duration;

/**
 * Everything a {@link PoolRecorder} knows about its pool, read at one moment, for the MBeans and exporters.
 * Each value is read once, but not all at the same instant: a borrow may land between two of them.
 *
 * @param name               the pool's unique name in its registry
 * @param borrowCount        successful borrows since start
 * @param exhaustionCount    borrows that found the pool exhausted: the wait timed out or the caller could not wait
 * @param borrowFailureCount other failed borrows: an object could not be created, activated or validated
 * @param returnCount        objects given back since start
 * @param invalidateCount    objects invalidated since start
 * @param numActive          the pool's active objects now, or -1 when unknown
 * @param numIdle            the pool's idle objects now, or -1
 * @param numWaiters         threads waiting to borrow now, or -1
 * @param maxTotal           the pool's size limit; zero or negative means unbounded (or, -1, unknown)
 * @param maxIdle            the pool's idle limit, or -1
 * @param utilization        {@code numActive / maxTotal}, 0 to 1; NaN when the pool is unbounded or a gauge is
 *                           unknown, since a pool without a limit cannot be full
 * @param peakBorrowed       the most objects lent out at once since start or the last
 *                           {@link PoolRecorder#resetPeaks()}
 * @param peakUtilization    {@code peakBorrowed / maxTotal}; NaN when the pool is unbounded
 * @param window             how far back the percentiles look
 * @param waitTime           how long borrow calls took over the window, whatever their outcome
 * @param holdTime           how long objects were held, borrow to return, over the window
 * @param leakSuspectCount   objects held longer than the leak threshold now; 0 when leak detection is off
 * @param waitTimeBuckets    the waits of {@code waitTime}, counted in fixed buckets since start rather than over
 *                           the window
 * @param holdTimeBuckets    the holds of {@code holdTime}, counted in fixed buckets since start
 */
public record PoolStats(
        String name,
        long borrowCount,
        long exhaustionCount,
        long borrowFailureCount,
        long returnCount,
        long invalidateCount,
        int numActive,
        int numIdle,
        int numWaiters,
        int maxTotal,
        int maxIdle,
        double utilization,
        long peakBorrowed,
        double peakUtilization,
        Duration window,
        LatencySnapshot waitTime,
        LatencySnapshot holdTime,
        int leakSuspectCount,
        LatencyBuckets waitTimeBuckets,
        LatencyBuckets holdTimeBuckets) {
}
