package dev.poolsight.jmx;

/** Gauges a test sets by hand. Holds no pool, as real gauges must not hold theirs strongly. */
public class FakeGauges implements PoolGauges {

    public volatile int numActive;
    public volatile int numIdle;
    public volatile int numWaiters;
    public volatile int maxTotal = 8;
    public volatile int maxIdle = 8;
    public volatile long borrowsNotReturned = -1;

    public FakeGauges() {
    }

    public FakeGauges(int numActive, int numIdle, int numWaiters, int maxTotal, int maxIdle) {
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

    @Override
    public long borrowsNotReturned() {
        return borrowsNotReturned;
    }
}
