package dev.poolsight.jmx.mbeans;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Rate-limits the notifications of one kind for one pool, folding the events in between into the next one.
 *
 * <p>Events are counted elsewhere, in a total that only grows (the recorder's exhaustion count, for example);
 * this keeps only what the last notification reported, so it adds no write to the path that counts events, and
 * events that race with a notification are carried over to the next rather than lost. Lock-free: the application
 * thread that meets an exhaustion and the ticker thread may both try to send, and a compare-and-set decides.
 */
final class FoldedEvents {

    private final LongSupplier total;
    private final long intervalNanos;
    private final AtomicLong lastSentNanos;
    private final AtomicLong reported;

    /**
     * @param total    events since start; must never decrease
     * @param interval the least time between two notifications
     * @param nowNanos the time now, on the clock later passed to {@link #take}: the first event may be sent at once
     */
    FoldedEvents(LongSupplier total, Duration interval, long nowNanos) {
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.lastSentNanos = new AtomicLong(nowNanos - intervalNanos);
        this.reported = new AtomicLong(total.getAsLong());
    }

    /**
     * How many events to report now: those not yet reported, when the interval since the last report has passed
     * and no other thread claimed this report; otherwise 0, and the events wait for the next call.
     */
    long take(long nowNanos) {
        long last = lastSentNanos.get();
        if (nowNanos - last < intervalNanos) { // a difference, so that nanoTime may wrap
            return 0;
        }
        long seen = total.getAsLong();
        if (seen <= reported.get() || !lastSentNanos.compareAndSet(last, nowNanos)) {
            return 0;
        }
        // Max, not set: a slow reporter from an earlier interval must not move the mark back and report twice.
        return Math.max(0, seen - reported.getAndAccumulate(seen, Math::max));
    }
}
