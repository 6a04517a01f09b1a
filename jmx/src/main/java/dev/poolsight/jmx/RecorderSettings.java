package dev.poolsight.jmx;

import java.time.Duration;

/**
 * How a {@link PoolRecorder} measures: how far back its percentiles look, and whether it watches for leaks.
 *
 * @param window        how far back the wait and hold time percentiles look; counters ignore it and run since
 *                      start. Kept as {@value #SLICES} slices, so percentiles cover between five sixths of the
 *                      window and the whole of it. From 1 ms to 1 day.
 * @param leakThreshold an object held longer than this is a leak suspect; {@link Duration#ZERO} (or
 *                      {@code null}, which becomes zero) switches leak detection, and its stack traces, off
 */
public record RecorderSettings(Duration window, Duration leakThreshold) {

    /** How many slices a window is cut into: old values leave the window one slice at a time. */
    public static final int SLICES = 6;

    private static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    private static final Duration MIN_WINDOW = Duration.ofMillis(1);
    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    public RecorderSettings {
        if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("window=" + window
                    + ": the percentile window must be from 1ms to 1 day, for example 60s");
        }
        if (leakThreshold == null) {
            leakThreshold = Duration.ZERO;
        }
        if (leakThreshold.isNegative()) {
            throw new IllegalArgumentException("leakThreshold=" + leakThreshold
                    + ": a leak threshold must be positive, for example 30s, or zero to switch leak detection off");
        }
    }

    /** A 60 second window and no leak detection. */
    public static RecorderSettings defaults() {
        return new RecorderSettings(DEFAULT_WINDOW, Duration.ZERO);
    }

    /** Whether objects held longer than {@link #leakThreshold()} are reported, with where they were borrowed. */
    public boolean leakDetection() {
        return !leakThreshold.isZero();
    }

    /**
     * How often old values leave the window. Whoever owns the recorders (the agent) should call
     * {@link PoolRegistry#advanceWindows()} this often, so that each value ages with the slice it was recorded in.
     */
    public Duration sliceLength() {
        return window.dividedBy(SLICES);
    }
}
