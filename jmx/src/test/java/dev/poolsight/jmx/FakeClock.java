package dev.poolsight.jmx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A nanoTime that moves only when a test says so. Starts far from zero, as nanoTime may. */
public final class FakeClock implements LongSupplier {

    private final AtomicLong nanos = new AtomicLong(7_000_000_000_123L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }
}
