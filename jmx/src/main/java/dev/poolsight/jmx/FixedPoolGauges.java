package dev.poolsight.jmx;

/** {@link PoolGauges#fixed}: values given once, read as they are. */
record FixedPoolGauges(int numActive, int numIdle, int numWaiters, int maxTotal, int maxIdle) implements PoolGauges {
}
