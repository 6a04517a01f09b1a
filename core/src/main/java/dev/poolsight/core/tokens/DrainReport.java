package dev.poolsight.core.tokens;

/**
 * How {@link AsyncTokenCounter#close(java.time.Duration)} ended.
 *
 * @param completed  exact counts finished over the counter's life
 * @param unfinished messages still queued or being counted when the timeout ran out; they keep their estimate
 */
public record DrainReport(long completed, long unfinished) {

    public boolean drained() {
        return unfinished == 0;
    }
}
