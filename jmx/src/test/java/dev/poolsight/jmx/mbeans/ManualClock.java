package dev.poolsight.jmx.mbeans;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanoTime that moves only when a test says so. Starts far from zero, as nanoTime may. */
final class ManualClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong(7_000_000_000_123L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
