package dev.poolsight.core.memory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long a memory store's operations take, on the caller's side (waiting for a connection and Redis' answer
 * included): counts, errors, total and longest time per {@link MemoryOperation}, since the store started. The
 * store's own view, next to the Redis commands underneath that the agent times.
 *
 * <p>Recording costs two clock reads and a few striped additions ({@link LongAdder}, {@link LongAccumulator}),
 * which do not contend between threads; nothing is allocated.
 */
public final class MemoryOperationTimes {

    private final Map<MemoryOperation, Counter> counters = new EnumMap<>(MemoryOperation.class);

    /** Times that start empty. */
    public MemoryOperationTimes() {
        for (MemoryOperation operation : MemoryOperation.values()) {
            counters.put(operation, new Counter());
        }
    }

    /** The start of a call, to hand to {@link #record}. */
    long start() {
        return System.nanoTime();
    }

    /** A call of {@code operation} that started at {@code start} (from {@link #start()}) has ended. */
    void record(MemoryOperation operation, long start, boolean failed) {
        long nanos = Math.max(System.nanoTime() - start, 0);
        Counter counter = counters.get(operation);
        counter.count.increment();
        counter.totalNanos.add(nanos);
        counter.maxNanos.accumulate(nanos);
        if (failed) {
            counter.errors.increment();
        }
    }

    /** Every operation's figures now, in the order of {@link MemoryOperation}. */
    public List<MemoryOperationStats> snapshot() {
        List<MemoryOperationStats> stats = new ArrayList<>();
        counters.forEach((operation, counter) -> stats.add(new MemoryOperationStats(operation, counter.count.sum(),
                counter.errors.sum(), counter.totalNanos.sum(), counter.maxNanos.get())));
        return stats;
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder totalNanos = new LongAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);
    }
}
