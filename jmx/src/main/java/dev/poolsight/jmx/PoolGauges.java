package dev.poolsight.jmx;

/**
 * The pool's own view of its state, read when someone looks (JMX, Prometheus), never on the borrow path.
 * The agent implements it by calling the real pool.
 *
 * <p>An implementation must hold its pool through a {@link java.lang.ref.WeakReference}: the
 * {@link PoolRegistry} keeps a pool's recorder, and with it these gauges, only as long as the pool is alive,
 * and a strong reference from here to the pool would keep both alive for ever. A value that cannot be read
 * (the pool is gone, the getter is missing) is {@code -1}. Implementations should not throw; if one does, the
 * recorder reports the value as {@code -1} and counts the failure in {@link AgentHealth}.
 */
public interface PoolGauges {

    /** Objects lent out, or being created, validated or destroyed for a borrow. */
    int numActive();

    /** Objects waiting in the pool to be borrowed. */
    int numIdle();

    /** Threads blocked waiting for an object. */
    int numWaiters();

    /** The most objects the pool may hold; zero or negative means no limit. */
    int maxTotal();

    /** The most idle objects the pool keeps (per key, for a keyed pool). */
    int maxIdle();

    /**
     * The pool's own count of borrows minus its count of returns since it was built, or {@code -1} when it keeps no
     * such counts. More than {@link #numActive()} when objects were invalidated instead of returned; read once, when
     * the pool's recorder is made, to learn how many.
     */
    default long borrowsNotReturned() {
        return -1;
    }

    /** Gauges that always read the given values: for a pool described rather than read, in tests and benchmarks. */
    static PoolGauges fixed(int numActive, int numIdle, int numWaiters, int maxTotal, int maxIdle) {
        return new FixedPoolGauges(numActive, numIdle, numWaiters, maxTotal, maxIdle);
    }
}
