package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.PoolGauges;

/** Gauges a test sets by hand. Holds no pool, as real gauges must not hold theirs strongly. */
final class SettableGauges implements PoolGauges {

    volatile int numActive;
    volatile int numIdle;
    volatile int numWaiters;
    volatile int maxTotal = 8;
    volatile int maxIdle = 8;

    SettableGauges(int numActive, int numIdle, int numWaiters, int maxTotal, int maxIdle) {
        this.numActive = numActive;
        this.numIdle = numIdle;
        this.numWaiters = numWaiters;
        this.maxTotal = maxTotal;
        this.maxIdle = maxIdle;
    }

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
