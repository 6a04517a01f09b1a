package dev.poolsight.jmx;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Values that application threads record, buffered per thread, so that recording one costs a thread-local look-up
 * and a few plain writes: no atomic instruction, no lock, no allocation once the thread has its buffer.
 *
 * <p>Why not record straight into shared structures: on these machines every atomic read-modify-write costs about
 * 10 ns, and an HdrHistogram {@code Recorder} takes four per value. A borrow and return of a Commons Pool object
 * cost a few hundred nanoseconds in all, so twelve of them (two histograms, four counters) were a quarter of it.
 *
 * <p>Each thread owns a ring that only it writes; the consumer sees the values when the buffers are
 * {@linkplain #drainThen drained}, always under this object's lock, in the order each thread recorded them. A
 * thread whose ring is full drains its own ring under the same lock (once every {@value #RING_SIZE} values, a
 * few microseconds, or as long as a reader's snapshot if one holds the lock just then), so nothing is ever dropped.
 * Rings of threads that have ended are drained a last time and let go.
 *
 * <p>A ring holds no reference to this object, so that a thread's map of thread-locals never keeps a recorder
 * alive after its pool is gone.
 *
 * <p>Virtual threads (Java 21 and later) get no ring: an application may start one per request, and a ring each
 * would cost 4 KB and a registration under the lock per thread, kept until the next drain. Their values go straight
 * to the consumer under the lock, which costs about what the atomic instructions saved elsewhere.
 */
final class ThreadBuffers {

    /** What the buffered values are handed to; runs under the lock of the {@link ThreadBuffers}. */
    @FunctionalInterface
    interface Consumer {

        /** One value, as recorded: {@code kind} is 0 to 3, {@code value} 0 or more. */
        void value(int kind, long value);
    }

    static final int MAX_KIND = 3;
    /** The largest value kept; larger ones are kept as this. */
    static final long MAX_VALUE = Long.MAX_VALUE >>> 2;
    static final int RING_SIZE = 512;

    /** {@code java.lang.VirtualThread}, or null on a Java without virtual threads. */
    private static final Class<?> VIRTUAL_THREAD = virtualThreadClass();

    private final Consumer consumer;
    private final ThreadLocal<Ring> own = ThreadLocal.withInitial(this::newRing);
    // Guarded by this.
    private final List<Ring> rings = new ArrayList<>();

    ThreadBuffers(Consumer consumer) {
        this.consumer = consumer;
    }

    private Ring newRing() {
        Ring ring = new Ring(Thread.currentThread());
        synchronized (this) {
            rings.add(ring);
        }
        return ring;
    }

    /** Records {@code value} (negative ones as 0, beyond {@link #MAX_VALUE} as that) of {@code kind}. */
    void record(int kind, long value) {
        long kept = value <= 0 ? 0 : Math.min(value, MAX_VALUE);
        if (onVirtualThread()) {
            recordLocked(kind, kept);
            return;
        }
        long entry = kept << 2 | kind;
        Ring ring = own.get();
        if (!ring.offer(entry)) {
            drainFullRing(ring, entry);
        }
    }

    /*
     * The two paths under the lock are methods of their own, so that the JIT, which compiles record() into the pool's
     * code, leaves them out of line: with a lock's enter and exit inlined, the pool's updateStatsBorrow compiled too
     * large to be inlined into borrowObject any more.
     */

    private synchronized void recordLocked(int kind, long kept) {
        consumer.value(kind, kept);
    }

    private void drainFullRing(Ring ring, long entry) {
        synchronized (this) {
            ring.drainTo(consumer);
        }
        ring.offer(entry);
    }

    private static boolean onVirtualThread() {
        return VIRTUAL_THREAD != null && Thread.currentThread().getClass() == VIRTUAL_THREAD;
    }

    private static Class<?> virtualThreadClass() {
        try {
            return Class.forName("java.lang.VirtualThread", false, null);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** Hands everything recorded so far to the consumer, then returns what {@code read} says, under the lock. */
    synchronized <T> T drainThen(Supplier<T> read) {
        for (Iterator<Ring> it = rings.iterator(); it.hasNext(); ) {
            Ring ring = it.next();
            // Read before draining: a thread that has ended has written its last value, which the drain then sees.
            boolean ended = !ring.owner.isAlive();
            ring.drainTo(consumer);
            if (ended) {
                it.remove();
            }
        }
        return read.get();
    }

    /** Package-private for tests: how many threads' rings are held. */
    synchronized int ringCount() {
        return rings.size();
    }

    /**
     * A single-writer ring. The owner publishes each entry with a release store of {@code written}; the drainer reads
     * it with an acquire load and hands the consumed slots back the same way. On x86 both are plain moves.
     */
    private static final class Ring {

        private static final int MASK = RING_SIZE - 1;
        private static final VarHandle WRITTEN;
        private static final VarHandle READ;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                WRITTEN = lookup.findVarHandle(Ring.class, "written", long.class);
                READ = lookup.findVarHandle(Ring.class, "read", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Thread owner;
        private final long[] entries = new long[RING_SIZE];
        /** Entries written; only the owner writes it. */
        private long written;
        /** Entries consumed; only the drainer writes it, under the lock. */
        private long read;

        Ring(Thread owner) {
            this.owner = owner;
        }

        /** By the owner: false when the ring is full. */
        boolean offer(long entry) {
            long at = written;
            if (at - (long) READ.getAcquire(this) == RING_SIZE) {
                return false;
            }
            entries[(int) at & MASK] = entry;
            WRITTEN.setRelease(this, at + 1);
            return true;
        }

        /** Under the lock of the {@link ThreadBuffers}: hands on every entry written so far, in order. */
        void drainTo(Consumer consumer) {
            long end = (long) WRITTEN.getAcquire(this);
            long at = read;
            for (; at != end; at++) {
                long entry = entries[(int) at & MASK];
                consumer.value((int) (entry & MAX_KIND), entry >>> 2);
            }
            READ.setRelease(this, at);
        }
    }
}
