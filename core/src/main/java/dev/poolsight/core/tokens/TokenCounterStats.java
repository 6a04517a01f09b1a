package dev.poolsight.core.tokens;

import dev.poolsight.jmx.mbeans.TokenCounterView;

/**
 * What the asynchronous token counter has done since it started; read by monitoring, never on the append path.
 * Counters only grow. It is the view the {@code dev.poolsight:type=TokenCounter} MBean shows.
 */
public interface TokenCounterStats extends TokenCounterView {

    /** The name that tells this counter apart, such as {@code memory}. */
    String name();

    /** Messages waiting for a worker now. */
    int queueDepth();

    /** The most messages that may wait; beyond it appends keep their estimate. */
    int queueCapacity();

    int workers();

    /** Messages accepted for exact counting. */
    long submitted();

    /** Exact counts computed and handed on. */
    long completed();

    /** Messages that kept their estimate because the queue was full or the counter closed. */
    long fallbacks();

    /** Exact counts that failed, in counting or in handing the result on. */
    long errors();

    /** The mean time from submission to the exact count being handed on, in milliseconds. */
    double meanLatencyMillis();

    /** The longest such time, in milliseconds. */
    double maxLatencyMillis();
}
