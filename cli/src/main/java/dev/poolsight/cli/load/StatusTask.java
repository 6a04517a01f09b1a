package dev.poolsight.cli.load;

import dev.poolsight.cli.source.JmxPoolSource;
import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/** Each second of a load run: reads the pool's MBean, keeps the reading for the advice, prints the status line. */
final class StatusTask implements Runnable {

    private final long start;
    private final long warmupEnd;
    private final LoadMetrics metrics;
    private final JmxPoolSource pools;
    private final IntSupplier tokenQueueDepth;
    private final List<PoolReading> readings;
    private final AtomicInteger peakQueueDepth;
    private final PrintWriter err;
    private final boolean measured;
    private long lastNanos;
    private long lastOperations;
    private boolean failureShown;

    StatusTask(long start, long warmupEnd, LoadMetrics metrics, JmxPoolSource pools, IntSupplier tokenQueueDepth,
            List<PoolReading> readings, AtomicInteger peakQueueDepth, PrintWriter err, boolean measured) {
        this.start = start;
        this.warmupEnd = warmupEnd;
        this.metrics = metrics;
        this.pools = pools;
        this.tokenQueueDepth = tokenQueueDepth;
        this.readings = readings;
        this.peakQueueDepth = peakQueueDepth;
        this.err = err;
        this.measured = measured;
        this.lastNanos = start;
    }

    @Override
    public void run() {
        try {
            long now = System.nanoTime();
            long operations = metrics.operations();
            double perSecond = (operations - lastOperations) / ((now - lastNanos) / 1e9);
            // a second that began in the warm-up belongs to it
            boolean warmingUp = lastNanos < warmupEnd;
            if (lastNanos < warmupEnd && now >= warmupEnd) {
                metrics.warmedUp(now);
            }
            lastOperations = operations;
            lastNanos = now;
            LoadMetrics.Interval interval = metrics.interval(warmingUp);
            PoolReading reading = pools.read();
            synchronized (readings) {
                readings.add(reading);
            }
            Optional<PoolSnapshot> pool = measured ? reading.pools().stream().findFirst() : Optional.empty();
            int depth = tokenQueueDepth.getAsInt();
            peakQueueDepth.accumulateAndGet(depth, Math::max);
            err.println(StatusLine.of((now - start) / 1e9, warmingUp, perSecond, interval, pool,
                    metrics.exhaustedCount(), metrics.failedCount(), depth));
            err.flush();
        } catch (RuntimeException e) {
            // a status line is worth less than the run: say it once and carry on
            if (!failureShown) {
                failureShown = true;
                err.println("poolsight: no status line this second: " + e);
            }
        }
    }
}
