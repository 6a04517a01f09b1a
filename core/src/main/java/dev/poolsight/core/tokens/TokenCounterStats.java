package dev.poolsight.core.tokens;

/**
 * What the asynchronous token counter has done since it started; read by monitoring, never on the append path.
 * Counters only grow. {@link TokenCounterMBean#register} shows these figures in JMX when the application asks.
 *
 * <p>Implementations read their own counters and never block: JMX threads call these methods whenever someone
 * looks.
 */
public interface TokenCounterStats {

    /** The name that tells this counter apart, such as {@code memory}; it becomes the MBean's {@code name}. */
    String name();

    /** Messages waiting for a worker now. */
    int queueDepth();

    /** The most messages that may wait; beyond it, messages keep their estimate. */
    int queueCapacity();

    /** Threads counting. */
    int workers();

    /** Messages whose exact count was known at once, without a worker, since start; they were never submitted. */
    long countedAtOnce();

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
