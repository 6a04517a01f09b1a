package dev.poolsight.cli.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the simulated agents measured themselves, client side: operations by kind, exhausted and failed ones, and
 * the latency of appends and reads in microseconds. Recording is wait-free (HdrHistogram's {@link Recorder},
 * {@link LongAdder}), so that measuring does not become the bottleneck of the load it measures.
 */
final class LoadMetrics {

    enum Operation { APPEND, READ_LAST, READ_PAGE }

    private final Recorder appendRecorder = new Recorder(3);
    private final Recorder readRecorder = new Recorder(3);
    private final Histogram appends = new Histogram(3);
    private final Histogram reads = new Histogram(3);
    private final LongAdder appendCount = new LongAdder();
    private final LongAdder readLastCount = new LongAdder();
    private final LongAdder readPageCount = new LongAdder();
    private final LongAdder exhausted = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile Steady steady;

    void succeeded(Operation operation, long nanos) {
        long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos));
        switch (operation) {
            case APPEND -> {
                appendRecorder.recordValue(micros);
                appendCount.increment();
            }
            case READ_LAST -> {
                readRecorder.recordValue(micros);
                readLastCount.increment();
            }
            case READ_PAGE -> {
                readRecorder.recordValue(micros);
                readPageCount.increment();
            }
        }
    }

    void exhausted() {
        exhausted.increment();
    }

    void failed(RuntimeException failure) {
        failed.increment();
        firstFailure.compareAndSet(null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /**
     * The latencies since the last interval, added to the run's totals unless they are the warm-up's, whose
     * operations are counted but whose latencies would describe a JVM still loading classes and compiling.
     */
    synchronized Interval interval(boolean warmingUp) {
        Histogram appendInterval = appendRecorder.getIntervalHistogram();
        Histogram readInterval = readRecorder.getIntervalHistogram();
        if (!warmingUp) {
            appends.add(appendInterval);
            reads.add(readInterval);
        }
        return new Interval(appendInterval, readInterval);
    }

    /** The whole run's latencies, after a last {@link #interval}. */
    synchronized Totals totals() {
        interval(false);
        return new Totals(appendCount.sum(), readLastCount.sum(), readPageCount.sum(), exhausted.sum(), failed.sum(),
                firstFailure.get(), appends.copy(), reads.copy());
    }

    /** Marks the end of the warm-up: throughput is counted from here. */
    void warmedUp(long nanoTime) {
        steady = new Steady(nanoTime, operations(), appendCount.sum());
    }

    /** Operations and appends a second from the end of the warm-up (or the start) to {@code stopped}. */
    Rates rates(long started, long stopped) {
        Steady from = steady == null ? new Steady(started, 0, 0) : steady;
        double seconds = (stopped - from.nanoTime()) / 1e9;
        return new Rates((operations() - from.operations()) / seconds, (appendCount.sum() - from.appends()) / seconds);
    }

    long operations() {
        return appendCount.sum() + readLastCount.sum() + readPageCount.sum() + exhausted.sum() + failed.sum();
    }

    long exhaustedCount() {
        return exhausted.sum();
    }

    long failedCount() {
        return failed.sum();
    }

    record Interval(Histogram appends, Histogram reads) {
    }

    private record Steady(long nanoTime, long operations, long appends) {
    }

    record Rates(double operationsPerSecond, double appendsPerSecond) {
    }

    record Totals(long appends, long readLasts, long readPages, long exhausted, long failed, String firstFailure,
            Histogram appendLatency, Histogram readLatency) {

        long succeeded() {
            return appends + readLasts + readPages;
        }

        long operations() {
            return succeeded() + exhausted + failed;
        }
    }

    static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
