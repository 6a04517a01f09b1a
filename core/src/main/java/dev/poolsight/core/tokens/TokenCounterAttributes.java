package dev.poolsight.core.tokens;

/** {@link TokenCounterMXBean} read from a counter's {@link TokenCounterStats}, on demand. */
final class TokenCounterAttributes implements TokenCounterMXBean {

    private final TokenCounterStats counter;

    TokenCounterAttributes(TokenCounterStats counter) {
        this.counter = counter;
    }

    @Override
    public String getName() {
        return counter.name();
    }

    @Override
    public int getQueueDepth() {
        return counter.queueDepth();
    }

    @Override
    public int getQueueCapacity() {
        return counter.queueCapacity();
    }

    @Override
    public int getWorkers() {
        return counter.workers();
    }

    @Override
    public long getCountedAtOnceCount() {
        return counter.countedAtOnce();
    }

    @Override
    public long getSubmittedCount() {
        return counter.submitted();
    }

    @Override
    public long getCompletedCount() {
        return counter.completed();
    }

    @Override
    public long getFallbackCount() {
        return counter.fallbacks();
    }

    @Override
    public long getErrorCount() {
        return counter.errors();
    }

    @Override
    public double getCountLatencyMeanMillis() {
        return counter.meanLatencyMillis();
    }

    @Override
    public double getCountLatencyMaxMillis() {
        return counter.maxLatencyMillis();
    }
}
