package dev.poolsight.jmx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * A latency distribution over the recent past: values go into a pending HdrHistogram; reads move what it gathered
 * into a ring of {@link RecorderSettings#SLICES} slices, and into a running sum of the ring. When the clock passes a
 * slice boundary the oldest slice is taken out of the sum and emptied, so old values leave the window one slice at a
 * time. A read summarises the sum and merges nothing: merging six slices that hold values cost about 6 ms, under
 * the lock the application's threads drain into, at every read of a pool's stats (a scrape, an MBean attribute).
 *
 * <p>Not thread-safe: {@link PoolRecorder} calls it under one lock, after its {@link ThreadBuffers} have handed
 * it the values the application's threads recorded.
 *
 * <p>Values are microseconds from 0 to one hour (longer ones count as one hour) at three significant digits.
 *
 * <p>Values are placed in a slice when they are moved out of the recorder, by {@link #advance()} or a read, not
 * when they are recorded. Whoever owns the recorders should call {@code advance()} once per slice; without
 * that, values recorded since the last read count as recent at the next one, however old they are.
 *
 * <p>Memory: the pending histogram is a full array (about 190 KB) because recording into it is the fastest; the
 * slices and their sum are packed histograms that take room only for the values they hold.
 */
final class SlidingWindowHistogram {

    /** Longer holds (a leak) are kept as one hour rather than lost or thrown: the histogram cannot grow. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram pending;
    private final LongSupplier nanoClock;
    private final long sliceNanos;
    private final Histogram[] slices = new Histogram[RecorderSettings.SLICES];
    /** The sum of the slices, kept as they change. */
    private final Histogram window = newSlice();
    private int current;
    private long currentSliceEnd;

    SlidingWindowHistogram(Duration window, LongSupplier nanoClock) {
        this(window, nanoClock, new Histogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS));
    }

    /**
     * A window whose pending histogram is packed too: recording costs a little more, which only a reader draining
     * buffers pays, and it takes a few KB instead of 190, for the many histograms of Redis commands.
     */
    static SlidingWindowHistogram compact(Duration window, LongSupplier nanoClock) {
        return new SlidingWindowHistogram(window, nanoClock, newSlice());
    }

    private SlidingWindowHistogram(Duration window, LongSupplier nanoClock, Histogram pending) {
        this.pending = pending;
        this.nanoClock = nanoClock;
        this.sliceNanos = window.toNanos() / RecorderSettings.SLICES;
        for (int i = 0; i < slices.length; i++) {
            slices[i] = newSlice();
        }
        this.currentSliceEnd = nanoClock.getAsLong() + sliceNanos;
    }

    private static Histogram newSlice() {
        return new PackedHistogram(1, HIGHEST_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Records a duration; negative ones (a clock that stepped back) count as zero. */
    void recordNanos(long nanos) {
        pending.recordValue(nanos <= 0 ? 0 : Math.min(nanos / 1_000, HIGHEST_MICROS));
    }

    /** Moves what was recorded into the current slice, first emptying the slices the clock has left behind. */
    void advance() {
        advanceTo(nanoClock.getAsLong());
    }

    /** The distribution over the window, up to now. */
    LatencySnapshot snapshot() {
        advanceTo(nanoClock.getAsLong());
        return LatencySnapshot.ofMicros(window);
    }

    private void advanceTo(long now) {
        long behind = now - currentSliceEnd; // a difference, so that nanoTime may wrap
        if (behind >= 0) {
            long crossed = behind / sliceNanos + 1;
            for (long i = 0; i < Math.min(crossed, slices.length); i++) {
                current = (current + 1) % slices.length;
                if (slices[current].getTotalCount() > 0) {
                    window.subtract(slices[current]);
                    slices[current].reset();
                }
            }
            currentSliceEnd += crossed * sliceNanos;
        }
        // After moving on, not before: values of unknown age must stay in the window rather than vanish.
        if (pending.getTotalCount() > 0) {
            slices[current].add(pending);
            window.add(pending);
            pending.reset();
        }
    }
}
