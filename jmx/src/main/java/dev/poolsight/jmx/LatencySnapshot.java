package dev.poolsight.jmx;

import org.HdrHistogram.AbstractHistogram;

/**
 * The distribution of wait or hold times over a recorder's window, in milliseconds with their fractions kept
 * (a 250 microsecond wait is 0.25, never 0). Values are accurate to HdrHistogram's three significant digits
 * (within 0.1%).
 *
 * <p>An empty window reports a count of zero and zeroes everywhere else (not NaN, which JSON cannot carry).
 *
 * @param count      how many values the window holds
 * @param meanMillis their mean
 * @param p50Millis  the median
 * @param p95Millis  the 95th percentile
 * @param p99Millis  the 99th percentile
 * @param maxMillis  the largest value in the window
 */
public record LatencySnapshot(
        long count, double meanMillis, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {

    /** A window without values. */
    public static final LatencySnapshot EMPTY = new LatencySnapshot(0, 0, 0, 0, 0, 0);

    private static final double MICROS_PER_MILLI = 1_000.0;

    /** Summarises a histogram of microseconds. */
    static LatencySnapshot ofMicros(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySnapshot(
                micros.getTotalCount(),
                micros.getMean() / MICROS_PER_MILLI,
                micros.getValueAtPercentile(50) / MICROS_PER_MILLI,
                micros.getValueAtPercentile(95) / MICROS_PER_MILLI,
                micros.getValueAtPercentile(99) / MICROS_PER_MILLI,
                micros.getMaxValue() / MICROS_PER_MILLI);
    }
}
