package dev.poolsight.agent;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRegistry;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves every recorder's sliding window on by one slice, on a daemon thread of its own. The borrow path never
 * rotates a window (a rotation costs tens of microseconds), so without this tick a pool that nobody looks at
 * would report old waits as recent ones.
 */
final class WindowTicker {

    private WindowTicker() {
    }

    static void start(PoolRegistry registry) {
        long sliceNanos = registry.settings().sliceLength().toNanos();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "poolsight-window-ticker");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> {
            try {
                registry.advanceWindows();
            } catch (Throwable t) {
                AgentHealth.failure("advance windows", t);
            }
        }, sliceNanos, sliceNanos, TimeUnit.NANOSECONDS);
    }
}
