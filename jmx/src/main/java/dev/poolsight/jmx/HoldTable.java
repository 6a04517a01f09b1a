package dev.poolsight.jmx;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The objects a pool has lent out, since when, and (with leak detection) where: an identity table that adds and
 * removes without locks or allocation.
 *
 * <p>Why not a {@code ConcurrentHashMap} keyed by an identity wrapper: every borrow would allocate a wrapper and
 * a map node, and every return another wrapper just to look the object up, on the application's hot path.
 * Here each slot is four array cells (object, borrow time, borrow site, stamp) that are reused for ever.
 *
 * <p>How it stays correct without locks:
 * <ul>
 *   <li>An object is only ever removed by the thread that returns it, which holds it exclusively, so nobody else
 *       can move or clear its slot while it looks for it.</li>
 *   <li>A slot's stamp is even while the slot is stable and odd while it changes. A thread claims an empty slot
 *       by moving its stamp from even to odd with a compare-and-set, writes the slot, then makes the stamp even
 *       again. Readers ({@link #forEach}) keep a slot only if its stamp was even and unchanged around their
 *       reads.</li>
 *   <li>An object lives within {@value #MAX_PROBE} slots of its home slot. When none of them is free, a segment
 *       twice the size is put in front, and the older segments drain as their objects come back. A lookup
 *       therefore probes at most {@value #MAX_PROBE} slots per segment, and never needs tombstones.</li>
 * </ul>
 *
 * <p>Segments are never shrunk: the table stays as large as the most objects ever lent out at once, a few bytes
 * per object.
 */
final class HoldTable {

    private static final int INITIAL_CAPACITY = 64;
    private static final int MAX_PROBE = 8;

    private final AtomicReference<Segment> newest = new AtomicReference<>(new Segment(INITIAL_CAPACITY, null));

    /** Receives the objects held, see {@link #forEach}. */
    interface Visitor {
        void visit(Object object, long sinceNanos, BorrowSite site);
    }

    /** Records that {@code object} was lent out at {@code sinceNanos}; {@code site} is null without leak detection. */
    void add(Object object, long sinceNanos, BorrowSite site) {
        Segment segment = newest.get();
        while (!segment.tryAdd(object, sinceNanos, site)) {
            newest.compareAndSet(segment, new Segment(segment.capacity() * 2, segment));
            segment = newest.get();
        }
    }

    /**
     * Forgets {@code object}; false if this table never saw it lent out (it was borrowed before recording began).
     * Only the thread that gives the object back may call this.
     */
    boolean remove(Object object) {
        for (Segment segment = newest.get(); segment != null; segment = segment.older) {
            int slot = segment.slotOf(object);
            if (slot >= 0) {
                segment.clear(slot);
                return true;
            }
        }
        return false;
    }

    /**
     * Shows {@code visitor} every object held, each slot as it was at one moment. Objects added or removed while
     * this runs may be missed: fine for a report, which is out of date as soon as it is made.
     */
    void forEach(Visitor visitor) {
        for (Segment segment = newest.get(); segment != null; segment = segment.older) {
            segment.forEach(visitor);
        }
    }

    private static final class Segment {

        private final AtomicIntegerArray stamps;
        private final AtomicReferenceArray<Object> objects;
        private final AtomicLongArray since;
        private final AtomicReferenceArray<BorrowSite> sites;
        private final int mask;
        private final int shift;
        final Segment older;

        Segment(int capacity, Segment older) {
            this.stamps = new AtomicIntegerArray(capacity);
            this.objects = new AtomicReferenceArray<>(capacity);
            this.since = new AtomicLongArray(capacity);
            this.sites = new AtomicReferenceArray<>(capacity);
            this.mask = capacity - 1;
            this.shift = IdentityHashing.shiftFor(capacity);
            this.older = older;
        }

        int capacity() {
            return mask + 1;
        }

        boolean tryAdd(Object object, long sinceNanos, BorrowSite site) {
            int home = IdentityHashing.home(object, shift);
            for (int probe = 0; probe < MAX_PROBE; probe++) {
                int slot = (home + probe) & mask;
                int stamp = stamps.get(slot);
                // The stamp is read before the object: a slot emptied and refilled in between fails the CAS.
                if ((stamp & 1) == 0 && objects.get(slot) == null && stamps.compareAndSet(slot, stamp, stamp + 1)) {
                    objects.lazySet(slot, object);
                    since.lazySet(slot, sinceNanos);
                    sites.lazySet(slot, site);
                    stamps.lazySet(slot, stamp + 2);
                    return true;
                }
            }
            return false;
        }

        int slotOf(Object object) {
            int home = IdentityHashing.home(object, shift);
            for (int probe = 0; probe < MAX_PROBE; probe++) {
                int slot = (home + probe) & mask;
                if (objects.get(slot) == object) {
                    return slot;
                }
            }
            return -1;
        }

        /** Empties a slot the caller owns. */
        void clear(int slot) {
            int stamp = stamps.get(slot);
            // A full write, not lazySet: readers must see the slot as changing before they can see it emptied.
            stamps.set(slot, stamp + 1);
            sites.lazySet(slot, null);
            objects.lazySet(slot, null);
            stamps.lazySet(slot, stamp + 2);
        }

        void forEach(Visitor visitor) {
            for (int slot = 0; slot <= mask; slot++) {
                int stamp = stamps.get(slot);
                Object object = objects.get(slot);
                if ((stamp & 1) != 0 || object == null) {
                    continue;
                }
                long sinceNanos = since.get(slot);
                BorrowSite site = sites.get(slot);
                if (stamps.get(slot) == stamp) {
                    visitor.visit(object, sinceNanos, site);
                }
            }
        }
    }
}
