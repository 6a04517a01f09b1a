package dev.poolsight.jmx;

/**
 * What one pool's connections did with one Redis command: counts since the pool started, latencies over the
 * recorder's window, and the same latencies since start in fixed buckets for Prometheus.
 *
 * @param command          the command's name ({@code GET}, {@code EVALSHA}, {@code PIPELINE}, ... or {@code other})
 * @param count            commands sent, failed ones included
 * @param timeouts         commands whose reply did not come within the client's socket timeout
 * @param connectionErrors commands that failed because the connection broke or could not be used
 * @param errorReplies     commands that Redis answered with an error (WRONGTYPE, NOSCRIPT, ...)
 * @param otherErrors      commands that failed in the client otherwise
 * @param latency          the time from sending the command to its reply (or failure), over the window
 * @param buckets          the same times since the pool started
 */
public record RedisCommandStats(String command, long count, long timeouts, long connectionErrors, long errorReplies,
        long otherErrors, LatencySnapshot latency, LatencyBuckets buckets) {

    /** Every failed command, whatever its kind. */
    public long errors() {
        return timeouts + connectionErrors + errorReplies + otherErrors;
    }
}
