package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.AgentHealth;
import java.lang.ref.WeakReference;
import java.time.Duration;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;

/**
 * The static methods that the advice woven into Commons Pool calls. They live on the bootstrap class path so that
 * a pool loaded by any class loader sees them. Each hands timings and outcomes to the pool's recorder and nothing
 * else; none of them ever throws into the host application.
 *
 * <p>Commons Pool measures each borrow's wait and each object's active time itself, with {@code Instant.now()},
 * and passes them to {@code updateStatsBorrow} and {@code updateStatsReturn}. From 2.12 on both are precise to the
 * microsecond, and the agent takes them from there: a clock read costs about as much as all the agent's other work
 * on a borrow and return together. Version 2.11 measures waits in whole milliseconds, so for it the agent reads
 * the clock around borrowObject itself.
 */
public final class PoolHooks {

    /** The value an enter hook returns for a call nested inside another borrow or invalidate of the same thread. */
    public static final long NESTED = Long.MIN_VALUE;

    private static final int BORROW = 0;
    private static final int INVALIDATE = 1;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[2]);
    /** Weak, so that an application's exception (and its class loader) is not kept alive by a pool thread. */
    private static final ThreadLocal<WeakReference<Throwable>> LAST_COUNTED_FAILURE =
            ThreadLocal.withInitial(() -> new WeakReference<>(null));

    private static volatile PoolRegistry registry;
    private static volatile PoolIdentity identity;
    /**
     * Whether the start of a return needs noting: only with leak detection on (the object stops being a suspect) or
     * once a pool of Redis connections is known (the thread stops holding its connection). The return itself is
     * counted with its hold time, so until then a return costs this read and nothing else.
     */
    private static volatile boolean returnsNoted;

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

    // ---- Commons Pool 2.12 and later: the pool's own microsecond timings ----

    /**
     * From updateStatsBorrow, which the pool calls once per successful logical borrow with the wait it measured
     * itself: the borrow costs the agent no clock read. {@code borrowsNotReturned} is the pool's own count of
     * borrows, this one included, minus its count of returns.
     */
    public static void borrowed(Object pool, Object pooledObject, Duration wait, long borrowsNotReturned) {
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.borrowSucceeded(trackedObject(recorder, pooledObject), wait.toNanos());
                recorder.observedBorrowsNotReturned(borrowsNotReturned);
                RedisHooks.lent(recorder);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record borrow", t);
        }
    }

    /**
     * A borrowObject overload threw. The same exception passes through every overload of a delegating chain; the
     * innermost one, which sees it first, counts it.
     */
    public static void borrowThrew(Object pool, Throwable thrown) {
        try {
            if (LAST_COUNTED_FAILURE.get().get() == thrown) {
                return;
            }
            LAST_COUNTED_FAILURE.set(new WeakReference<>(thrown));
            PoolRecorder recorder = recorder(pool);
            if (recorder == null) {
                return;
            }
            if (BorrowFailures.isExhaustion(thrown)) {
                recorder.borrowExhausted(BorrowFailures.exhaustionWaitNanos(thrown));
            } else {
                recorder.borrowFailed(PoolRecorder.UNKNOWN_WAIT);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record borrow", t);
        }
    }

    /** From updateStatsReturn: how long the object was out, as the pool measured it (any Commons Pool 2.11+). */
    public static void held(Object pool, Duration active) {
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.held(active.toNanos());
            }
        } catch (Throwable t) {
            AgentHealth.failure("record hold", t);
        }
    }

    // ---- Commons Pool 2.11, which measures borrow waits in whole milliseconds: the agent times them ----

    public static long borrowEntered() {
        return DEPTH.get()[BORROW]++ == 0 ? System.nanoTime() : NESTED;
    }

    /** From updateStatsBorrow on 2.11: the pool's own count of borrows, this one included, minus its returns. */
    public static void borrowCounted(Object pool, long borrowsNotReturned) {
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.observedBorrowsNotReturned(borrowsNotReturned);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record borrow", t);
        }
    }

    public static void borrowExited(Object pool, long start, Object borrowed, Throwable thrown) {
        DEPTH.get()[BORROW]--;
        if (start == NESTED) {
            return;
        }
        try {
            long waited = System.nanoTime() - start;
            PoolRecorder recorder = recorder(pool);
            if (recorder == null) {
                return;
            }
            if (thrown == null) {
                recorder.borrowSucceeded(borrowed, waited);
                RedisHooks.lent(recorder);
            } else if (BorrowFailures.isExhaustion(thrown)) {
                recorder.borrowExhausted(waited);
            } else {
                recorder.borrowFailed(waited);
            }
        } catch (Throwable t) {
            AgentHealth.failure("record borrow", t);
        }
    }

    // ---- every version ----

    /** As returnObject begins, while the caller still holds the object: {@code pooledObject} is the pool's wrapper. */
    public static void returning(Object pool, Object pooledObject) {
        if (!returnsNoted) {
            return;
        }
        try {
            PoolRecorder recorder = recorder(pool);
            if (recorder != null) {
                recorder.returned(trackedObject(recorder, pooledObject));
                RedisHooks.returning(recorder);
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
                RedisHooks.returning(recorder);
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

    /** The application's object in {@code pooledObject} if the recorder tracks objects (leak detection), else null. */
    private static Object trackedObject(PoolRecorder recorder, Object pooledObject)
            throws ReflectiveOperationException {
        return recorder.tracksObjects() ? PooledObjects.userObject(pooledObject) : null;
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
        boolean lendsRedisConnections = identity.lendsRedisConnections(pool);
        if (lendsRedisConnections || current.settings().leakDetection()) {
            // Before the recorder is published, so that a thread that finds it also sees that returns are noted.
            returnsNoted = true;
        }
        return current.register(pool, identity.nameOf(pool), identity.gaugesOf(pool), lendsRedisConnections);
    }
}
