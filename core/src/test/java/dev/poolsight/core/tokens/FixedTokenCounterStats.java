package dev.poolsight.core.tokens;

/** Token counter statistics that a test sets by hand: each one distinct, so that a mix-up shows. */
final class FixedTokenCounterStats implements TokenCounterStats {

    private final String name;

    FixedTokenCounterStats(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int queueDepth() {
        return 3;
    }

    @Override
    public int queueCapacity() {
        return 1024;
    }

    @Override
    public int workers() {
        return 2;
    }

    @Override
    public long countedAtOnce() {
        return 300;
    }

    @Override
    public long submitted() {
        return 500;
    }

    @Override
    public long completed() {
        return 490;
    }

    @Override
    public long fallbacks() {
        return 7;
    }

    @Override
    public long errors() {
        return 1;
    }

    @Override
    public double meanLatencyMillis() {
        return 0.75;
    }

    @Override
    public double maxLatencyMillis() {
        return 12.5;
    }
}
