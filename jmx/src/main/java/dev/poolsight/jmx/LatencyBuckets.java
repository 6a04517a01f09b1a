package dev.poolsight.jmx;

import java.util.Arrays;

/**
 * How many wait or hold times fell into each of a fixed set of buckets since the pool's recorder started, with
 * their count and sum: the cumulative histogram that Prometheus scrapes (its {@code _bucket}, {@code _count} and
 * {@code _sum} series), where {@link LatencySnapshot} describes only the recent window.
 *
 * <p>The bucket bounds are the same for every pool, from 100 microseconds to 60 seconds, and include 10 ms, the
 * wait target of the sizing guide, so that "waits under 10 ms" is read from a bucket exactly rather than
 * interpolated. A value goes into the first bucket whose upper bound is at least the value (Prometheus' {@code le},
 * less or equal); longer values go into the last bucket, whose bound is infinite.
 */
public final class LatencyBuckets {

    /** The finite upper bounds in nanoseconds, ascending; the last bucket, beyond them, is unbounded. */
    private static final long[] UPPER_BOUNDS_NANOS = {
        100_000L, 250_000L, 500_000L,
        1_000_000L, 2_500_000L, 5_000_000L,
        10_000_000L, 25_000_000L, 50_000_000L,
        100_000_000L, 250_000_000L, 500_000_000L,
        1_000_000_000L, 2_500_000_000L, 5_000_000_000L,
        10_000_000_000L, 30_000_000_000L, 60_000_000_000L,
    };
    private static final double NANOS_PER_SECOND = 1e9;

    /** No values yet. */
    public static final LatencyBuckets EMPTY = new LatencyBuckets(new long[bucketCount()], 0);

    private final long[] counts;
    private final long sumNanos;

    private LatencyBuckets(long[] counts, long sumNanos) {
        this.counts = counts;
        this.sumNanos = sumNanos;
    }

    /** How many buckets there are, the unbounded last one included. */
    public static int bucketCount() {
        return UPPER_BOUNDS_NANOS.length + 1;
    }

    /** The upper bound of bucket {@code bucket} in seconds; {@link Double#POSITIVE_INFINITY} for the last one. */
    public static double upperBoundSeconds(int bucket) {
        return bucket == UPPER_BOUNDS_NANOS.length
                ? Double.POSITIVE_INFINITY
                : UPPER_BOUNDS_NANOS[bucket] / NANOS_PER_SECOND;
    }

    /** The values in bucket {@code bucket} alone: above the previous bound, at most this one. */
    public long count(int bucket) {
        return counts[bucket];
    }

    /** All values, of every bucket. */
    public long totalCount() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The sum of all values, in seconds. */
    public double sumSeconds() {
        return sumNanos / NANOS_PER_SECOND;
    }

    @Override
    public String toString() {
        return "LatencyBuckets" + Arrays.toString(counts) + " sum=" + sumSeconds() + "s";
    }

    /**
     * The counting side: not thread-safe, kept under the lock of the recorder's {@link ThreadBuffers} and fed as
     * they are drained, so that counting costs the application's threads nothing.
     */
    static final class Counter {

        private final long[] counts = new long[bucketCount()];
        private long sumNanos;

        /** Counts one value; negative ones (a clock that stepped back) as zero. */
        void record(long nanos) {
            long value = Math.max(nanos, 0);
            int bucket = 0;
            while (bucket < UPPER_BOUNDS_NANOS.length && value > UPPER_BOUNDS_NANOS[bucket]) {
                bucket++;
            }
            counts[bucket]++;
            sumNanos += value;
        }

        /** What has been counted so far. */
        LatencyBuckets snapshot() {
            return new LatencyBuckets(counts.clone(), sumNanos);
        }
    }
}
