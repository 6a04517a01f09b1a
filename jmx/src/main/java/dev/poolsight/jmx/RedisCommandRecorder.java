package dev.poolsight.jmx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Times the Redis commands sent over one pool's connections, per command name (see {@link RedisCommandNames}),
 * with failures counted by kind. Recording is what {@link PoolRecorder} does for a borrow: a few plain writes
 * into the calling thread's own buffer ({@link ThreadBuffers}); the histograms are filled when a reader drains
 * the buffers, off the application's path.
 *
 * <p>Memory: each command name that a pool has seen keeps two packed histograms (a few KB each), so a pool costs
 * at most {@value RedisCommandNames#CAPACITY} of them.
 */
public final class RedisCommandRecorder {

    /** The outcome of a command. */
    public static final int OK = 0;
    public static final int TIMEOUT = 1;
    public static final int CONNECTION_ERROR = 2;
    public static final int ERROR_REPLY = 3;
    public static final int OTHER_ERROR = 4;

    private static final int OUTCOME_BITS = 3;
    private static final int COMMAND_BITS = 6;
    private static final int SHIFT = OUTCOME_BITS + COMMAND_BITS;
    private static final long MAX_NANOS = ThreadBuffers.MAX_VALUE >>> SHIFT;

    private final RedisCommandNames names;
    private final Duration window;
    private final LongSupplier nanoClock;
    private final ThreadBuffers buffered = new ThreadBuffers((kind, entry) -> {
        int command = (int) (entry >>> OUTCOME_BITS) & (RedisCommandNames.CAPACITY - 1);
        counter(command).record((int) entry & ((1 << OUTCOME_BITS) - 1), entry >>> SHIFT);
    });
    // Guarded by buffered.
    private final Counter[] counters = new Counter[RedisCommandNames.CAPACITY];

    /**
     * A recorder that starts empty.
     *
     * @param names     the command names its indexes refer to, {@link RedisCommandNames#global()} outside tests
     * @param window    how far back the percentiles look
     * @param nanoClock the time in nanoseconds, {@code System::nanoTime} outside tests
     */
    public RedisCommandRecorder(RedisCommandNames names, Duration window, LongSupplier nanoClock) {
        this.names = names;
        this.window = window;
        this.nanoClock = nanoClock;
    }

    /**
     * One command of index {@code command} (see {@link RedisCommandNames#indexOf}) ended with {@code outcome}
     * ({@link #OK}, {@link #TIMEOUT}, ...) after {@code nanos}.
     */
    public void record(int command, int outcome, long nanos) {
        long kept = nanos <= 0 ? 0 : Math.min(nanos, MAX_NANOS);
        buffered.record(0, kept << SHIFT | (long) (command & (RedisCommandNames.CAPACITY - 1)) << OUTCOME_BITS
                | (outcome & ((1 << OUTCOME_BITS) - 1)));
    }

    /** Every command this pool has sent, by name. */
    public List<RedisCommandStats> snapshot() {
        List<RedisCommandStats> stats = buffered.drainThen(() -> {
            List<RedisCommandStats> all = new ArrayList<>();
            for (int i = 0; i < counters.length; i++) {
                if (counters[i] != null) {
                    all.add(counters[i].stats(names.name(i)));
                }
            }
            return all;
        });
        stats.sort(Comparator.comparing(RedisCommandStats::command));
        return List.copyOf(stats);
    }

    /** Moves the windows on; see {@link PoolRecorder#advanceWindows()}. */
    public void advanceWindows() {
        buffered.drainThen(() -> {
            for (Counter counter : counters) {
                if (counter != null) {
                    counter.latency.advance();
                }
            }
            return null;
        });
    }

    private Counter counter(int command) {
        Counter counter = counters[command];
        if (counter == null) {
            counter = new Counter(SlidingWindowHistogram.compact(window, nanoClock));
            counters[command] = counter;
        }
        return counter;
    }

    /** One command's figures; under the lock of the buffers. */
    private static final class Counter {

        private final long[] outcomes = new long[OTHER_ERROR + 1];
        private final SlidingWindowHistogram latency;
        private final LatencyBuckets.Counter buckets = new LatencyBuckets.Counter();

        Counter(SlidingWindowHistogram latency) {
            this.latency = latency;
        }

        void record(int outcome, long nanos) {
            outcomes[Math.min(outcome, OTHER_ERROR)]++;
            latency.recordNanos(nanos);
            buckets.record(nanos);
        }

        RedisCommandStats stats(String name) {
            long count = 0;
            for (long outcome : outcomes) {
                count += outcome;
            }
            return new RedisCommandStats(name, count, outcomes[TIMEOUT], outcomes[CONNECTION_ERROR],
                    outcomes[ERROR_REPLY], outcomes[OTHER_ERROR], latency.snapshot(), buckets.snapshot());
        }
    }
}
