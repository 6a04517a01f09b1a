package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;

/**
 * The static methods that the advice woven into Commons Pool calls. They live on the bootstrap class path so that
 * a pool loaded by any class loader sees them. Each hands timings and outcomes to the pool's recorder and nothing
 * else; none of them ever throws into the host application.
 */
public final class PoolHooks {

    /** The value an enter hook returns for a call nested inside another borrow or invalidate of the same thread. */
    public static final long NESTED = Long.MIN_VALUE;

    private static final int BORROW = 0;
    private static final int INVALIDATE = 1;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[2]);

    private static volatile PoolRegistry registry;
    private static volatile PoolIdentity identity;

    private PoolHooks() {
    }

    /** Switches the hooks on; until then they do nothing. */
    public static void install(PoolRegistry poolRegistry, PoolIdentity poolIdentity) {
        identity = poolIdentity;
        registry = poolRegistry;
    }

    /** After a pool's constructor: registers it (every constructor of a chain calls this; the first one wins). */
    public static void constructed(Object pool) {
        try {
            recorder(pool);
        } catch (Throwable t) {
            AgentHealth.failure("register pool", t);
        }
    }

    public static long borrowEntered() {
        return DEPTH.get()[BORROW]++ == 0 ? System.nanoTime() : NESTED;
    }

    public static void borrowExited(Object pool, long start, Object borrowed, Throwable thrown) {
        DEPTH.get()[BORROW]--;
        if (start == NESTED) {
            return;
        }
        try {
            long now = System.nanoTime();
            long waited = now - start;
            PoolRecorder recorder = recorder(pool);
            if (recorder == null) {
                return;
            }
            if (thrown == null) {
                recorder.borrowSucceeded(borrowed, waited, now);
            } else if (BorrowFailures.isExhaustion(thrown)) {
                recorder.borrowExhausted(waited);
            } else {
                recorder.borrowFailed(waited);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record borrow", t);
        }
    }

    /** On entry to returnObject, while the caller still holds the object. */
    public static void returning(Object pool, Object object) {
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.returned(object);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record return", t);
        }
    }

    /** On entry to invalidateObject; only the outermost call of a delegating chain is recorded. */
    public static void invalidating(Object pool, Object object) {
        if (DEPTH.get()[INVALIDATE]++ != 0) {
            return;
        }
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.invalidated(object);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record invalidate", t);
        }
    }

    public static void invalidateExited() {
        DEPTH.get()[INVALIDATE]--;
    }

    public static void closed(Object pool) {
        try {
            PoolRegistry current = registry;
            if (current != null) {
                current.unregister(pool);
            }
        } catch (Throwable t) {
            AgentHealth.failure("unregister pool", t);
        }
    }

    /**
     * The pool's recorder, registering the pool on first sight: pools built before a dynamic attach are found
     * the first time they are used.
     */
    private static PoolRecorder recorder(Object pool) {
        PoolRegistry current = registry;
        if (current == null) {
            return null;
        }
        PoolRecorder recorder = current.recorderFor(pool);
        if (recorder != null || identity.isClosed(pool)) {
            return recorder;
        }
        return current.register(pool, identity.nameOf(pool), identity.gaugesOf(pool));
    }
}
