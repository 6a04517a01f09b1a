package dev.poolsight.jmx;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

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

    /**
     * Summarises a histogram of microseconds, with HdrHistogram's own definitions of mean and percentile, in one walk
     * of its counts rather than one for each figure: a window's histogram is packed, and each walk of it took about
     * half a millisecond per read of a pool's stats.
     */
    static LatencySnapshot ofMicros(AbstractHistogram micros) {
        long total = micros.getTotalCount();
        if (total == 0) {
            return EMPTY;
        }
        long[] countAt = {countAtPercentile(50, total), countAtPercentile(95, total), countAtPercentile(99, total)};
        double[] valueAt = new double[countAt.length];
        double sum = 0;
        int next = 0;
        for (HistogramIterationValue value : micros.recordedValues()) {
            sum += micros.medianEquivalentValue(value.getValueIteratedTo()) * (double) value.getCountAtValueIteratedTo();
            while (next < countAt.length && value.getTotalCountToThisValue() >= countAt[next]) {
                valueAt[next++] = value.getValueIteratedTo();
            }
        }
        return new LatencySnapshot(
                total,
                sum / total / MICROS_PER_MILLI,
                valueAt[0] / MICROS_PER_MILLI,
                valueAt[1] / MICROS_PER_MILLI,
                valueAt[2] / MICROS_PER_MILLI,
                micros.getMaxValue() / MICROS_PER_MILLI);
    }

    /** How many values lie at or below {@code percentile}, as {@link AbstractHistogram#getValueAtPercentile} counts. */
    private static long countAtPercentile(double percentile, long total) {
        double requested = Math.min(Math.max(Math.nextAfter(percentile, Double.NEGATIVE_INFINITY), 0), 100);
        return Math.max((long) Math.ceil(requested / 100 * total), 1);
    }
}
