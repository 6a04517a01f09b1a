package dev.poolsight.jmx;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Which recorder belongs to which pool, for every pool of the process.
 *
 * <p>Pools are held weakly and compared by identity: a recorder lives as long as its pool, or until
 * {@link #unregister} (on the pool's {@code close()}). A pool that is collected without being closed is dropped,
 * and the listeners told, the next time the registry is changed or listed. For that to happen, nothing the
 * registry holds may reach the pool strongly: see {@link PoolGauges}.
 *
 * <p>{@link #recorderFor} runs on every borrow. It reads an immutable open-addressing table through one volatile
 * field: no lock, no allocation. Changes are rare (a pool built or closed) and rebuild the table under a lock.
 */
public final class PoolRegistry {

    private static final PoolRegistry GLOBAL = new PoolRegistry(RecorderSettings.defaults(), System::nanoTime);
    private static final int MIN_TABLE = 8;

    /** Told when recorders come and go, for example to register and unregister their MBeans. */
    public interface Listener {

        /** {@code recorder} was registered. Called under the registry's lock: be quick, do not block. */
        void registered(PoolRecorder recorder);

        /** {@code recorder}'s pool was unregistered or collected. Called under the registry's lock. */
        void unregistered(PoolRecorder recorder);

        /**
         * {@link #advanceWindows()} just ran: the periodic tick (once per slice, from the agent's ticker thread) for
         * checks that must happen even when nobody looks, such as leak detection. Called on the ticking thread
         * without the registry's lock, so it may take a while; it does nothing unless overridden.
         */
        default void windowsAdvanced() {
        }
    }

    private final LongSupplier nanoClock;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Object lock = new Object();
    private volatile RecorderSettings settings;
    /** Read without the lock; never changed, only replaced. */
    private volatile Entry[] table = new Entry[MIN_TABLE];

    // Guarded by lock.
    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final List<Listener> listeners = new ArrayList<>();

    /**
     * A registry whose recorders use {@code settings} and {@code nanoClock}; the process's own is {@link #global()}.
     */
    public PoolRegistry(RecorderSettings settings, LongSupplier nanoClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** The process's registry, which the agent fills: a 60 second window and no leak detection until configured. */
    public static PoolRegistry global() {
        return GLOBAL;
    }

    /**
     * Sets the window and leak threshold of pools registered from now on; pools already registered keep theirs.
     *
     * @param leakThreshold null or zero switches leak detection off
     * @throws IllegalArgumentException when a value is out of range; the message names it
     */
    public void configure(Duration window, Duration leakThreshold) {
        settings = new RecorderSettings(window, leakThreshold);
    }

    /** The settings that pools registered now get. */
    public RecorderSettings settings() {
        return settings;
    }

    /**
     * Registers {@code pool} and returns its new recorder, or the recorder it already has: registering a pool again
     * (each constructor of a chain may try) changes nothing.
     *
     * @param proposedName the name to show; when another live pool has it, the first free of {@code name-2},
     *                     {@code name-3}, ... is used instead
     * @param gauges       reads the pool's own counts; must not hold the pool strongly
     */
    public PoolRecorder register(Object pool, String proposedName, PoolGauges gauges) {
        return register(pool, proposedName, gauges, false);
    }

    /**
     * {@link #register(Object, String, PoolGauges)} for a pool that may be a Redis client's.
     *
     * @param lendsRedisConnections whether the pool's objects are a Redis client's connections, whose commands the
     *                              agent times (see {@link PoolRecorder#lendsRedisConnections()})
     */
    public PoolRecorder register(Object pool, String proposedName, PoolGauges gauges, boolean lendsRedisConnections) {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(gauges, "gauges");
        if (proposedName == null || proposedName.isBlank()) {
            throw new IllegalArgumentException("proposedName=\"" + proposedName
                    + "\": a pool needs a name with at least one visible character");
        }
        synchronized (lock) {
            List<PoolRecorder> gone = expungeCollected();
            PoolRecorder existing = recorderFor(pool);
            if (existing != null) {
                publishAndTell(gone, null);
                return existing;
            }
            String name = proposedName;
            for (int suffix = 2; names.contains(name); suffix++) {
                name = proposedName + "-" + suffix;
            }
            PoolRecorder recorder = new PoolRecorder(name, gauges, settings, nanoClock, lendsRedisConnections);
            entries.add(new Entry(pool, recorder, collected));
            names.add(name);
            publishAndTell(gone, recorder);
            return recorder;
        }
    }

    /** Forgets {@code pool} and tells the listeners; false if it was not registered. */
    public boolean unregister(Object pool) {
        synchronized (lock) {
            List<PoolRecorder> gone = expungeCollected();
            boolean found = false;
            for (Entry entry : entries) {
                if (entry.get() == pool) {
                    gone.add(forget(entry));
                    found = true;
                    break;
                }
            }
            publishAndTell(gone, null);
            return found;
        }
    }

    /** The recorder of {@code pool}, or null. Lock-free and allocation-free: the borrow path calls it. */
    public PoolRecorder recorderFor(Object pool) {
        if (pool == null) {
            return null;
        }
        Entry[] slots = table;
        int mask = slots.length - 1;
        int slot = IdentityHashing.home(pool, IdentityHashing.shiftFor(slots.length));
        // The table is at most half full, so the probe always ends at an empty slot.
        for (Entry entry = slots[slot]; entry != null; entry = slots[slot]) {
            if (entry.get() == pool) {
                return entry.recorder;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /** The recorders of the pools registered now, in the order they were registered. */
    public List<PoolRecorder> recorders() {
        synchronized (lock) {
            publishAndTell(expungeCollected(), null);
            List<PoolRecorder> recorders = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                recorders.add(entry.recorder);
            }
            return List.copyOf(recorders);
        }
    }

    /**
     * Calls {@link PoolRecorder#advanceWindows()} on every recorder, then {@link Listener#windowsAdvanced()} on
     * every listener. Call it once per {@link RecorderSettings#sliceLength()} so that values leave the window on
     * time even when nobody reads; it also drops collected pools.
     */
    public void advanceWindows() {
        for (PoolRecorder recorder : recorders()) {
            recorder.advanceWindows();
        }
        List<Listener> toTell;
        synchronized (lock) {
            toTell = List.copyOf(listeners);
        }
        for (Listener listener : toTell) {
            try {
                listener.windowsAdvanced();
            } catch (RuntimeException | LinkageError e) {
                AgentHealth.failure("listener.windowsAdvanced", e);
            }
        }
    }

    /** Adds a listener and tells it at once about every recorder already registered, so that it misses none. */
    public void addListener(Listener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            listeners.add(listener);
            for (Entry entry : entries) {
                tell(listener, entry.recorder, true);
            }
        }
    }

    /** Removes a listener; it hears nothing more. */
    public void removeListener(Listener listener) {
        synchronized (lock) {
            listeners.remove(listener);
        }
    }

    /** Forgets the pools the garbage collector took, returning their recorders. */
    private List<PoolRecorder> expungeCollected() {
        List<PoolRecorder> gone = new ArrayList<>();
        for (Reference<?> cleared = collected.poll(); cleared != null; cleared = collected.poll()) {
            Entry entry = (Entry) cleared;
            if (entries.contains(entry)) {
                gone.add(forget(entry));
            }
        }
        return gone;
    }

    private PoolRecorder forget(Entry entry) {
        entries.remove(entry);
        names.remove(entry.recorder.name());
        return entry.recorder;
    }

    /**
     * Publishes the table, then tells the listeners about {@code gone} and {@code added} (if not null): a listener
     * that looks a pool up sees the registry as it is after the change.
     */
    private void publishAndTell(List<PoolRecorder> gone, PoolRecorder added) {
        if (gone.isEmpty() && added == null) {
            return;
        }
        publish();
        for (Listener listener : listeners) {
            for (PoolRecorder recorder : gone) {
                tell(listener, recorder, false);
            }
            if (added != null) {
                tell(listener, added, true);
            }
        }
    }

    /** A failing listener must neither stop the others nor fail the pool's constructor or close(). */
    private static void tell(Listener listener, PoolRecorder recorder, boolean registered) {
        try {
            if (registered) {
                listener.registered(recorder);
            } else {
                listener.unregistered(recorder);
            }
        } catch (RuntimeException | LinkageError e) {
            AgentHealth.failure(registered ? "listener.registered" : "listener.unregistered", e);
        }
    }

    /** Rebuilds the lookup table from the live entries, at most half full. */
    private void publish() {
        int capacity = MIN_TABLE;
        while (capacity < entries.size() * 2) {
            capacity *= 2;
        }
        Entry[] slots = new Entry[capacity];
        int shift = IdentityHashing.shiftFor(capacity);
        for (Entry entry : entries) {
            Object pool = entry.get();
            if (pool == null) {
                continue; // collected, its reference not yet queued: it can never be looked up again
            }
            int slot = IdentityHashing.home(pool, shift);
            while (slots[slot] != null) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = entry;
        }
        table = slots;
    }

    /** A pool, held weakly so that the registry never keeps it alive, and its recorder. */
    private static final class Entry extends WeakReference<Object> {

        final PoolRecorder recorder;

        Entry(Object pool, PoolRecorder recorder, ReferenceQueue<Object> queue) {
            super(pool, queue);
            this.recorder = recorder;
        }
    }
}
