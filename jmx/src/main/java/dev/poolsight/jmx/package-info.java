/**
 * What Poolsight measures about an object pool, and the registry that finds the measurements.
 *
 * <p>One {@link dev.poolsight.jmx.PoolRecorder} per pool receives what the agent's advice hands over on every
 * borrow, return and invalidation: nanoTime deltas and outcomes, nothing else. It keeps counters since start,
 * wait and hold time percentiles over a sliding window, and, when leak detection is on, where each object
 * still lent out was borrowed. {@link dev.poolsight.jmx.PoolRegistry} maps each live pool to its recorder.
 *
 * <p>The recording methods run on the application's borrow path: they take no locks and, once warm, allocate
 * nothing (leak detection aside, which must capture a stack trace). Reads come from JMX and are rare, so the
 * work of merging histograms and scanning for leaks is done there.
 *
 * <p>This package depends on HdrHistogram only, so that the agent can define it to the bootstrap class loader
 * (relocated, as {@code dev.poolsight.agent.bootstrap.jmx}).
 */
package dev.poolsight.jmx;
