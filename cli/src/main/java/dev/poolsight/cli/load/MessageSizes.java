package dev.poolsight.cli.load;

import java.util.SplittableRandom;

/**
 * Message sizes as chat traffic has them: log-normal around a median, so most messages are short and a long tail
 * reaches tens of kilobytes (σ = 1.4: p90 is 6x the median, p99 26x, p99.9 75x), capped at 64 KB. Or every
 * message the same size, for comparing with a benchmark that sends fixed payloads.
 */
final class MessageSizes {

    static final int MAX_BYTES = 64 * 1024;
    private static final double SIGMA = 1.4;

    private final int median;
    private final boolean fixed;

    MessageSizes(int median, boolean fixed) {
        this.median = median;
        this.fixed = fixed;
    }

    int next(SplittableRandom random) {
        if (fixed) {
            return median;
        }
        double size = median * Math.exp(SIGMA * random.nextGaussian());
        return (int) Math.max(1, Math.min(MAX_BYTES, Math.round(size)));
    }

    String describe() {
        double p99 = Math.min(MAX_BYTES, median * Math.exp(SIGMA * 2.326));
        return fixed ? "every message " + median + " B"
                : String.format(java.util.Locale.ROOT, "messages log-normal: median %d B, p99 %.1f KB, at most 64 KB",
                        median, p99 / 1024);
    }
}
