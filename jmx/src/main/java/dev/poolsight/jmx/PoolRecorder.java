package dev.poolsight.jmx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * What one pool did: borrows, exhaustions, failures, returns and invalidations since start; wait and hold time
 * percentiles over a sliding window, and the same times in fixed buckets since start; the pool's gauges; and, with leak detection, the objects held too long.
 *
 * <p>The agent's advice calls the recording methods ({@code borrow...}, {@link #returned}, {@link #invalidated},
 * {@link #held}) on every borrow, return and invalidation, on the application's threads. They take no locks, never
 * call into the pool, read no clock, and once warm allocate nothing, except that leak detection reads the clock and
 * captures a stack trace at each borrow. They accept any input without throwing. A borrow and a return together
 * cost no atomic instruction: the counts and times are buffered per thread ({@link ThreadBuffers}) and reach the
 * counters and histograms when a reader asks, and the peak is taken from the pool's own counts of borrows and
 * returns, which the pool keeps anyway. Everything else is for readers (JMX, Prometheus) and does the heavy work.
 *
 * <p>Times come from the caller: the agent hands on the wait and hold durations Commons Pool measures itself, so
 * that recording costs no clock reads of its own. With leak detection on, the objects lent out are tracked by
 * identity (pooled objects with their own {@code equals} are told apart).
 */
public final class PoolRecorder {

    /** A wait nobody measured: the failure is counted, the wait histogram left alone. */
    public static final long UNKNOWN_WAIT = Long.MIN_VALUE;

    private final String name;
    private final PoolGauges gauges;
    private final LongSupplier nanoClock;
    private final RecorderSettings settings;
    private final long leakThresholdNanos;

    /* The frequent events, buffered per thread; the rare ones (exhaustion, failure, invalidation) count directly. */
    private static final int BORROW = 0;
    private static final int WAIT = 1;
    private static final int HOLD = 2;
    private final ThreadBuffers buffered = new ThreadBuffers(this::buffered);
    // Guarded by buffered: the consumer above keeps them.
    private long borrows;
    private long returns;
    private final SlidingWindowHistogram waitTimes;
    private final SlidingWindowHistogram holdTimes;
    /** The same values since start, in fixed buckets, for exporters that keep their own windows (Prometheus). */
    private final LatencyBuckets.Counter waitBuckets = new LatencyBuckets.Counter();
    private final LatencyBuckets.Counter holdBuckets = new LatencyBuckets.Counter();

    private final LongAdder exhaustions = new LongAdder();
    private final LongAdder borrowFailures = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    /** Objects lent out, when and where; kept only with leak detection on. */
    private final HoldTable holds = new HoldTable();
    /*
     * Objects that the pool's counts of borrows and returns still show as lent out but that are not: invalidated
     * (destroyed instead of returned), or, for a pool found after it had been used, gone before recording began.
     * Subtracted from those counts for the peak; written only on those rare paths.
     */
    private final AtomicLong neverReturned = new AtomicLong();
    private final AtomicLong peakBorrowed = new AtomicLong();
    /** Read only when a borrow finds the pool exhausted, so the successful borrow never pays for it. */
    private final AtomicReference<PoolEvents> events = new AtomicReference<>();
    private final boolean lendsRedisConnections;
    private volatile RedisCommandRecorder redisCommands;
    // Guarded by this.
    private Consumer<PoolRecorder> redisCommandsListener;

    /**
     * A recorder for one pool, which starts with empty counters and an empty window.
     *
     * @param name      the pool's name, as its MBean and metrics will show it
     * @param gauges    reads the pool's own counts; see {@link PoolGauges} on holding the pool weakly
     * @param settings  the window and the leak threshold
     * @param nanoClock the time in nanoseconds, {@code System::nanoTime} outside tests
     */
    public PoolRecorder(String name, PoolGauges gauges, RecorderSettings settings, LongSupplier nanoClock) {
        this(name, gauges, settings, nanoClock, false);
    }

    /**
     * A recorder for a pool that may lend a Redis client's connections.
     *
     * @param lendsRedisConnections see {@link #lendsRedisConnections()}
     */
    public PoolRecorder(String name, PoolGauges gauges, RecorderSettings settings, LongSupplier nanoClock,
                        boolean lendsRedisConnections) {
        this.name = Objects.requireNonNull(name, "name");
        this.lendsRedisConnections = lendsRedisConnections;
        this.gauges = Objects.requireNonNull(gauges, "gauges");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.leakThresholdNanos = settings.leakThreshold().toNanos();
        this.waitTimes = new SlidingWindowHistogram(settings.window(), nanoClock);
        this.holdTimes = new SlidingWindowHistogram(settings.window(), nanoClock);
        this.neverReturned.set(invalidatedBeforeRecording(gauges));
    }

    /**
     * For a pool already in use when recording began (a dynamic attach): the objects its counts show as lent out
     * beyond those it has lent out now, which were invalidated earlier. Zero for a pool registered as it is built.
     */
    private static long invalidatedBeforeRecording(PoolGauges gauges) {
        try {
            long byCounts = gauges.borrowsNotReturned();
            int active = gauges.numActive();
            return byCounts < 0 || active < 0 ? 0 : Math.max(0, byCounts - active);
        } catch (RuntimeException | LinkageError e) {
            AgentHealth.failure("read gauge borrowsNotReturned", e);
            return 0;
        }
    }

    /**
     * Whether the pool's objects are a Redis client's connections: only then does the agent note, on each borrow and
     * return, which pool's connection a thread holds, so that other pools' borrows pay nothing for command timing.
     */
    public boolean lendsRedisConnections() {
        return lendsRedisConnections;
    }

    /** The pool's name, unique within its {@link PoolRegistry}. */
    public String name() {
        return name;
    }

    /** How far back the percentiles look. */
    public Duration window() {
        return settings.window();
    }

    /** Objects held longer than this are leak suspects; {@link Duration#ZERO} when leak detection is off. */
    public Duration leakThreshold() {
        return settings.leakThreshold();
    }

    // ---- recording, on the borrow path ----

    /**
     * A borrow succeeded after {@code waitNanos}: counts it and records the wait. With leak detection on, also
     * notes when and where {@code pooledObject} was lent out; without, the object is not needed and may be null.
     */
    public void borrowSucceeded(Object pooledObject, long waitNanos) {
        buffered.record(BORROW, waitNanos);
        if (leakThresholdNanos > 0 && pooledObject != null) {
            holds.add(pooledObject, nanoClock.getAsLong(), BorrowSite.capture());
        }
    }

    /**
     * After a borrow, the pool's own count of borrows minus its count of returns since it was built (Commons Pool's
     * {@code getBorrowedCount() - getReturnedCount()}): keeps the peak of objects lent out at once.
     *
     * <p>Taken from the pool rather than counted here because the pool counts borrows and returns anyway, with an
     * atomic instruction each, and two more of our own were a third of the agent's cost on a borrow and return. The
     * pool counts a return once the object is back in the pool, so another thread that takes it in that instant
     * sees it twice: the peak can be one too high for each return under way just then, and is never shown above
     * the pool's size.
     */
    public void observedBorrowsNotReturned(long borrowsNotReturned) {
        notePeak(borrowsNotReturned - neverReturned.get());
    }

    /** Whether {@link #borrowSucceeded} needs the object lent out: only leak detection tracks objects. */
    public boolean tracksObjects() {
        return leakThresholdNanos > 0;
    }

    /**
     * A borrow gave up after {@code waitNanos} because the pool was exhausted: no object came free within the
     * caller's maximum wait, or the caller could not wait at all. {@link #UNKNOWN_WAIT} counts it without a wait.
     */
    public void borrowExhausted(long waitNanos) {
        exhaustions.increment();
        recordWait(waitNanos);
        PoolEvents listener = events.get();
        if (listener != null) {
            try {
                listener.exhausted(this);
            } catch (Throwable t) {
                AgentHealth.failure("pool events exhausted", t);
            }
        }
    }

    /**
     * A borrow failed after {@code waitNanos} for another reason: an object could not be created, activated or
     * validated. The wait is recorded too, since the caller lost that time all the same; {@link #UNKNOWN_WAIT}
     * counts the failure without a wait.
     */
    public void borrowFailed(long waitNanos) {
        borrowFailures.increment();
        recordWait(waitNanos);
    }

    private void recordWait(long waitNanos) {
        if (waitNanos != UNKNOWN_WAIT) {
            buffered.record(WAIT, waitNanos);
        }
    }

    /**
     * {@code pooledObject} is being returned to the pool, and its caller still holds it: with leak detection on, it
     * is no longer a suspect. The return is counted by {@link #held}, which follows once the pool has it back.
     */
    public void returned(Object pooledObject) {
        untrack(pooledObject);
    }

    /** {@code pooledObject} is being invalidated (destroyed instead of returned): counts it. */
    public void invalidated(Object pooledObject) {
        invalidations.increment();
        // The pool never counts it as returned.
        neverReturned.incrementAndGet();
        untrack(pooledObject);
    }

    /**
     * An object came back: counts the return, with the time the object was held from the moment the pool lent it
     * out, as the pool measured it.
     */
    public void held(long heldNanos) {
        buffered.record(HOLD, heldNanos);
    }

    private void untrack(Object pooledObject) {
        if (leakThresholdNanos > 0 && pooledObject != null) {
            holds.remove(pooledObject);
        }
    }

    private void notePeak(long borrowed) {
        long peak = peakBorrowed.get();
        // Only a new peak writes: a CAS on every borrow would make all borrowers contend for one cache line.
        while (borrowed > peak && !peakBorrowed.compareAndSet(peak, borrowed)) {
            peak = peakBorrowed.get();
        }
    }

    /**
     * Sets who is told about this pool's rare events, replacing whoever was; null tells nobody. The MBean layer
     * sets it when it registers the pool's MBean.
     */
    public void setEvents(PoolEvents listener) {
        events.set(listener);
    }

    /** Stops telling {@code listener}, unless another has replaced it since: returns whether it was the one set. */
    public boolean clearEvents(PoolEvents listener) {
        return events.compareAndSet(listener, null);
    }

    // ---- reading, for JMX and exporters ----

    /** Successful borrows since start. */
    public long borrowCount() {
        return buffered.drainThen(() -> borrows);
    }

    /** Borrows that found the pool exhausted, since start. */
    public long exhaustionCount() {
        return exhaustions.sum();
    }

    /** Borrows that failed for another reason than exhaustion, since start. */
    public long borrowFailureCount() {
        return borrowFailures.sum();
    }

    /** Objects returned since start. */
    public long returnCount() {
        return buffered.drainThen(() -> returns);
    }

    /** Objects invalidated since start. */
    public long invalidateCount() {
        return invalidations.sum();
    }

    /**
     * The most objects lent out at once since start or the last {@link #resetPeaks()}, as seen at each borrow; never
     * more than the pool's size.
     */
    public long peakBorrowed() {
        return peakWithin(maxTotal());
    }

    private long peakWithin(int maxTotal) {
        long peak = peakBorrowed.get();
        return maxTotal > 0 ? Math.min(peak, maxTotal) : peak;
    }

    /** Starts the peaks over from the present: the peak becomes the number of objects the pool has active now. */
    public void resetPeaks() {
        peakBorrowed.set(Math.max(0, numActive()));
    }

    /**
     * The share of the pool in use, {@code numActive / maxTotal}, 0 to 1. NaN when the pool has no limit
     * ({@code maxTotal <= 0}: an unbounded pool is never full, and 0 would claim it is idle) or a gauge is unknown.
     */
    public double utilization() {
        return ratio(numActive(), maxTotal());
    }

    /**
     * {@link #peakBorrowed()} as a share of the pool's current {@code maxTotal}; NaN when the pool has no limit.
     * Measured at each borrow, so a burst between two scrapes is not missed.
     */
    public double peakUtilization() {
        int maxTotal = maxTotal();
        return ratio(peakWithin(maxTotal), maxTotal);
    }

    private static double ratio(long used, int maxTotal) {
        return maxTotal <= 0 || used < 0 ? Double.NaN : (double) used / maxTotal;
    }

    /** The pool's active objects now, as {@link PoolGauges#numActive()} says; -1 when it cannot be read. */
    public int numActive() {
        return gauge("numActive", gauges::numActive);
    }

    /** The pool's idle objects now; -1 when it cannot be read. */
    public int numIdle() {
        return gauge("numIdle", gauges::numIdle);
    }

    /** Threads waiting to borrow now; -1 when it cannot be read. */
    public int numWaiters() {
        return gauge("numWaiters", gauges::numWaiters);
    }

    /** The pool's size limit now; zero or negative means unbounded, -1 also when it cannot be read. */
    public int maxTotal() {
        return gauge("maxTotal", gauges::maxTotal);
    }

    /** The pool's idle limit now; -1 when it cannot be read. */
    public int maxIdle() {
        return gauge("maxIdle", gauges::maxIdle);
    }

    private int gauge(String which, IntSupplier read) {
        try {
            return read.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            AgentHealth.failure("read gauge " + which, e);
            return -1;
        }
    }

    /** How long borrow calls waited over the window: each outcome recorded with a known wait. */
    public LatencySnapshot waitTimeSnapshot() {
        return buffered.drainThen(waitTimes::snapshot);
    }

    /** How long objects were held, from borrow to return, over the window, as {@link #held} was told. */
    public LatencySnapshot holdTimeSnapshot() {
        return buffered.drainThen(holdTimes::snapshot);
    }

    /**
     * Moves the values recorded so far into the window's current slice, dropping slices that have aged out.
     * Reads do this too; calling it once per {@link RecorderSettings#sliceLength()} keeps each value in the
     * slice it was recorded in, so that it ages on time even when nobody reads for a while.
     */
    public void advanceWindows() {
        buffered.drainThen(() -> {
            waitTimes.advance();
            holdTimes.advance();
            return null;
        });
        RedisCommandRecorder commands = redisCommands;
        if (commands != null) {
            commands.advanceWindows();
        }
    }

    // ---- Redis commands sent over this pool's connections, for pools of Redis clients ----

    /**
     * The recorder of the Redis commands sent over this pool's connections, made at the first command: a pool
     * that is not a Redis client's never has one.
     */
    public RedisCommandRecorder redisCommands() {
        RedisCommandRecorder commands = redisCommands;
        return commands != null ? commands : firstRedisCommand();
    }

    /** The recorder of Redis commands if this pool has sent any, else null. */
    public RedisCommandRecorder redisCommandsIfAny() {
        return redisCommands;
    }

    /**
     * Calls {@code listener} once this pool has a Redis command recorder: now, if it has one, else on the thread
     * of its first command (which should only hand the work on). One listener at a time; null removes it.
     */
    public synchronized void onRedisCommands(Consumer<PoolRecorder> listener) {
        redisCommandsListener = listener;
        if (listener != null && redisCommands != null) {
            listener.accept(this);
        }
    }

    private synchronized RedisCommandRecorder firstRedisCommand() {
        if (redisCommands == null) {
            redisCommands = new RedisCommandRecorder(RedisCommandNames.global(), window(), nanoClock);
            if (redisCommandsListener != null) {
                redisCommandsListener.accept(this);
            }
        }
        return redisCommands;
    }

    /** Objects held longer than the leak threshold, longest first; empty when leak detection is off. */
    public List<LeakSuspect> leakSuspects() {
        List<LeakSuspect> suspects = new ArrayList<>();
        if (leakThresholdNanos > 0) {
            long now = nanoClock.getAsLong();
            holds.forEach((object, sinceNanos, site) -> {
                long heldNanos = now - sinceNanos;
                if (heldNanos > leakThresholdNanos) {
                    suspects.add(new LeakSuspect(describe(object), Duration.ofNanos(heldNanos),
                            site.threadName(), site.stackTrace()));
                }
            });
            suspects.sort(Comparator.comparing(LeakSuspect::heldFor).reversed());
        }
        return List.copyOf(suspects);
    }

    /** How many objects are held longer than the leak threshold; 0 when leak detection is off. */
    public int leakSuspectCount() {
        if (leakThresholdNanos <= 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        int[] count = {0};
        holds.forEach((object, sinceNanos, site) -> {
            if (now - sinceNanos > leakThresholdNanos) {
                count[0]++;
            }
        });
        return count[0];
    }

    private static String describe(Object object) {
        return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }

    /** Everything above, read now. */
    public PoolStats stats() {
        int numActive = numActive();
        int maxTotal = maxTotal();
        long peak = peakWithin(maxTotal);
        // One drain for all the buffered figures, so that the counts and the windows describe the same moment.
        Buffered buffered = this.buffered.drainThen(() -> new Buffered(borrows, returns, waitTimes.snapshot(),
                holdTimes.snapshot(), waitBuckets.snapshot(), holdBuckets.snapshot()));
        return new PoolStats(
                name,
                buffered.borrows(),
                exhaustionCount(),
                borrowFailureCount(),
                buffered.returns(),
                invalidateCount(),
                numActive,
                numIdle(),
                numWaiters(),
                maxTotal,
                maxIdle(),
                ratio(numActive, maxTotal),
                peak,
                ratio(peak, maxTotal),
                window(),
                buffered.waitTimes(),
                buffered.holdTimes(),
                leakSuspectCount(),
                buffered.waitBuckets(),
                buffered.holdBuckets());
    }

    /** What {@link #stats()} reads from one drain of the per-thread buffers. */
    private record Buffered(long borrows, long returns, LatencySnapshot waitTimes, LatencySnapshot holdTimes,
            LatencyBuckets waitBuckets, LatencyBuckets holdBuckets) {
    }

    /** Takes one buffered value; under the lock of {@link #buffered}. */
    private void buffered(int kind, long nanos) {
        if (kind == BORROW) {
            borrows++;
        }
        if (kind == HOLD) {
            // A return is counted with its hold time: one value, where a count of its own cost a second write.
            returns++;
            holdTimes.recordNanos(nanos);
            holdBuckets.record(nanos);
        } else {
            waitTimes.recordNanos(nanos);
            waitBuckets.record(nanos);
        }
    }

    /** Package-private for tests: the table of objects lent out. */
    HoldTable holds() {
        return holds;
    }
}
