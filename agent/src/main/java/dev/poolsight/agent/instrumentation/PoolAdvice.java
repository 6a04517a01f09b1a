package dev.poolsight.agent.instrumentation;

import dev.poolsight.agent.bootstrap.PoolHooks;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.asm.Advice;

/**
 * The advice woven into GenericObjectPool, GenericKeyedObjectPool and their base class. Each piece passes its
 * arguments to {@link PoolHooks} (on Commons Pool 2.11, borrows also read the clock) and nothing else; every
 * Throwable is suppressed so that the pool behaves exactly as without the agent.
 */
final class PoolAdvice {

    private PoolAdvice() {
    }

    /** Every constructor: the pool exists, register it. */
    static final class Constructed {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object pool) {
            PoolHooks.constructed(pool);
        }
    }

    /*
     * Borrows on Commons Pool 2.12 and later: the pool measures the wait itself and reports a successful borrow
     * to updateStatsBorrow, exactly once; only failures are taken from borrowObject.
     */

    /**
     * BaseGenericObjectPool.updateStatsBorrow(PooledObject, Duration): a borrow succeeded after this wait. On the way
     * out, so that the pool's own count of borrows includes this one.
     */
    static final class StatsBorrow {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Argument(0) Object pooledObject,
                         @Advice.Argument(1) Duration wait,
                         @Advice.FieldValue("borrowedCount") AtomicLong borrowed,
                         @Advice.FieldValue("returnedCount") AtomicLong returned) {
            PoolHooks.borrowed(pool, pooledObject, wait, borrowed.get() - returned.get());
        }
    }

    /**
     * BaseGenericObjectPool.updateStatsBorrow on Commons Pool 2.11, whose borrows {@link Borrow} times: only the
     * pool's counts, for the peak (the pool's counters are private to this class, out of {@link Borrow}'s reach).
     */
    static final class StatsBorrowCounts {
        @Advice.OnMethodExit(suppress = Throwable.class)
        static void exit(@Advice.This Object pool,
                         @Advice.FieldValue("borrowedCount") AtomicLong borrowed,
                         @Advice.FieldValue("returnedCount") AtomicLong returned) {
            PoolHooks.borrowCounted(pool, borrowed.get() - returned.get());
        }
    }

    /** Every borrowObject overload: a null check on the way out, unless the borrow threw. */
    static final class BorrowFailure {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Thrown Throwable thrown) {
            if (thrown != null) {
                PoolHooks.borrowThrew(pool, thrown);
            }
        }
    }

    /** BaseGenericObjectPool.updateStatsReturn(Duration), every version: how long the object was out. */
    static final class StatsReturn {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object pool, @Advice.Argument(0) Duration active) {
            PoolHooks.held(pool, active);
        }
    }

    /**
     * Every borrowObject overload on Commons Pool 2.11, whose own waits are whole milliseconds: the agent times
     * the borrow. The outermost call of a delegating chain is the one logical borrow.
     */
    static final class Borrow {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return PoolHooks.borrowEntered();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object pool, @Advice.Enter long start,
                         @Advice.Return Object borrowed, @Advice.Thrown Throwable thrown) {
            PoolHooks.borrowExited(pool, start, borrowed, thrown);
        }
    }

    /*
     * Returns and invalidations are recorded on entry, while the caller still holds the object: once the method
     * has put it back, another thread may borrow it before an exit advice would run, and the pool would seem to
     * lend more objects than it has.
     */

    /**
     * BaseGenericObjectPool.markReturningState(PooledObject), which both pools' returnObject call first, before the
     * object goes back. Woven here rather than into returnObject: GenericObjectPool.returnObject is 323 bytes of
     * bytecode, just under the 325 up to which the JIT inlines a hot method into its caller, and any advice there
     * pushed it over, which cost a call and the optimisations across it on every return (measured: the larger
     * part of the agent's cost on a bare borrow and return).
     */
    static final class Returning {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object pool, @Advice.Argument(0) Object pooledObject) {
            PoolHooks.returning(pool, pooledObject);
        }
    }

    /** GenericObjectPool.invalidateObject(T[, DestroyMode]); the outermost call of the chain counts. */
    static final class Invalidate {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object pool, @Advice.Argument(0) Object object) {
            PoolHooks.invalidating(pool, object);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            PoolHooks.invalidateExited();
        }
    }

    /** GenericKeyedObjectPool.invalidateObject(K, T[, DestroyMode]); the outermost call of the chain counts. */
    static final class KeyedInvalidate {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object pool, @Advice.Argument(1) Object object) {
            PoolHooks.invalidating(pool, object);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit() {
            PoolHooks.invalidateExited();
        }
    }

    /** close(): the pool is gone, its recorder and MBean go too. */
    static final class Close {
        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object pool) {
            PoolHooks.closed(pool);
        }
    }
}
