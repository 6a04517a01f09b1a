package dev.poolsight.jmx.mbeans;

/**
 * What the asynchronous token counter (in module core) shows to JMX. Core implements it, or adapts its counter to
 * it, and registers it with {@link TokenCounterMBeans#register}: core depends on this module, never the reverse.
 *
 * <p>Read when someone looks, from JMX threads; implementations should read their own counters and never block.
 * The methods match core's {@code TokenCounterStats}, so the counter can implement both.
 */
public interface TokenCounterView {

    /** The name that tells this counter apart, such as {@code memory}; it becomes the MBean's {@code name}. */
    String name();

    /** Messages waiting for a worker now. */
    int queueDepth();

    /** The most messages that may wait; beyond it, messages keep their estimate. */
    int queueCapacity();

    /** Threads counting. */
    int workers();

    /** Messages accepted for exact counting since start. */
    long submitted();

    /** Exact counts computed and handed on since start. */
    long completed();

    /** Messages that kept their estimate since start, because the queue was full or the counter closed. */
    long fallbacks();

    /** Exact counts that failed since start, in counting or in handing the result on. */
    long errors();

    /** The mean time from submission to the exact count being handed on, since start, in milliseconds. */
    double meanLatencyMillis();

    /** The longest such time since start, in milliseconds. */
    double maxLatencyMillis();
}
