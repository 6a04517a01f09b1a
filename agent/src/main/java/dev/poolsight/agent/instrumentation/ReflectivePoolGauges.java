package dev.poolsight.agent.instrumentation;

import dev.poolsight.jmx.PoolGauges;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

/**
 * Reads a Commons Pool 2 pool's gauges through its public getters, looked up once per pool. A keyed pool reports
 * its total across keys and its per-key idle limit. Read by monitoring, never on the borrow path.
 *
 * <p>The pool is held weakly: the registry keeps a recorder (and so these gauges) only as long as the pool lives,
 * and a strong reference from here would keep the pool alive for ever.
 */
final class ReflectivePoolGauges implements PoolGauges {

    private final WeakReference<Object> pool;
    private final Method numActive;
    private final Method numIdle;
    private final Method numWaiters;
    private final Method maxTotal;
    private final Method maxIdle;
    private final Method borrowedCount;
    private final Method returnedCount;

    ReflectivePoolGauges(Object pool) {
        this.pool = new WeakReference<>(pool);
        Class<?> type = pool.getClass();
        this.numActive = find(type, "getNumActive");
        this.numIdle = find(type, "getNumIdle");
        this.numWaiters = find(type, "getNumWaiters");
        this.maxTotal = find(type, "getMaxTotal");
        Method idle = find(type, "getMaxIdle");
        this.maxIdle = idle != null ? idle : find(type, "getMaxIdlePerKey");
        this.borrowedCount = find(type, "getBorrowedCount");
        this.returnedCount = find(type, "getReturnedCount");
    }

    private static Method find(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private int read(Method getter) {
        return (int) readLong(getter);
    }

    private long readLong(Method getter) {
        Object target = pool.get();
        if (getter == null || target == null) {
            return -1;
        }
        try {
            return ((Number) getter.invoke(target)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public int numActive() {
        return read(numActive);
    }

    @Override
    public int numIdle() {
        return read(numIdle);
    }

    @Override
    public int numWaiters() {
        return read(numWaiters);
    }

    @Override
    public int maxTotal() {
        return read(maxTotal);
    }

    @Override
    public int maxIdle() {
        return read(maxIdle);
    }

    @Override
    public long borrowsNotReturned() {
        long borrowed = readLong(borrowedCount);
        long returned = readLong(returnedCount);
        return borrowed < 0 || returned < 0 ? -1 : borrowed - returned;
    }
}
