package dev.poolsight.jmx;

/** Gauges a test sets by hand. Holds no pool, as real gauges must not hold theirs strongly. */
class FakeGauges implements PoolGauges {

    volatile int numActive;
    volatile int numIdle;
    volatile int numWaiters;
    volatile int maxTotal = 8;
    volatile int maxIdle = 8;

    @Override
    public int numActive() {
        return numActive;
    }

    @Override
    public int numIdle() {
        return numIdle;
    }

    @Override
    public int numWaiters() {
        return numWaiters;
    }

    @Override
    public int maxTotal() {
        return maxTotal;
    }

    @Override
    public int maxIdle() {
        return maxIdle;
    }
}
