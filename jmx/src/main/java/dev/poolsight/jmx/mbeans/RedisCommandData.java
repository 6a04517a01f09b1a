package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.RedisCommandStats;
import javax.management.ConstructorParameters;

/**
 * One command's row of {@link RedisCommandsMXBean#getCommands()}, a {@code CompositeData} for JMX clients.
 */
public final class RedisCommandData {

    private final String command;
    private final long count;
    private final long errors;
    private final long timeouts;
    private final long connectionErrors;
    private final long errorReplies;
    private final double p50Millis;
    private final double p95Millis;
    private final double p99Millis;
    private final double maxMillis;

    /** For MXBean proxies, which rebuild the value from its items by these names. */
    @ConstructorParameters({"command", "count", "errors", "timeouts", "connectionErrors", "errorReplies",
        "p50Millis", "p95Millis", "p99Millis", "maxMillis"})
    public RedisCommandData(String command, long count, long errors, long timeouts, long connectionErrors,
            long errorReplies, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {
        this.command = command;
        this.count = count;
        this.errors = errors;
        this.timeouts = timeouts;
        this.connectionErrors = connectionErrors;
        this.errorReplies = errorReplies;
        this.p50Millis = p50Millis;
        this.p95Millis = p95Millis;
        this.p99Millis = p99Millis;
        this.maxMillis = maxMillis;
    }

    static RedisCommandData of(RedisCommandStats stats) {
        return new RedisCommandData(stats.command(), stats.count(), stats.errors(), stats.timeouts(),
                stats.connectionErrors(), stats.errorReplies(), stats.latency().p50Millis(),
                stats.latency().p95Millis(), stats.latency().p99Millis(), stats.latency().maxMillis());
    }

    /** The command's name: GET, EVALSHA, ..., PIPELINE, TRANSACTION or other. */
    public String getCommand() {
        return command;
    }

    /** Commands sent since start, failed ones included. */
    public long getCount() {
        return count;
    }

    /** Commands that failed since start, of every kind. */
    public long getErrors() {
        return errors;
    }

    /** Commands whose reply did not come within the client's socket timeout. */
    public long getTimeouts() {
        return timeouts;
    }

    /** Commands that failed because the connection broke or could not be used. */
    public long getConnectionErrors() {
        return connectionErrors;
    }

    /** Commands that Redis answered with an error reply (WRONGTYPE, NOSCRIPT, ...). */
    public long getErrorReplies() {
        return errorReplies;
    }

    /** The median latency over the window, in milliseconds. */
    public double getP50Millis() {
        return p50Millis;
    }

    /** The 95th percentile latency over the window, in milliseconds. */
    public double getP95Millis() {
        return p95Millis;
    }

    /** The 99th percentile latency over the window, in milliseconds. */
    public double getP99Millis() {
        return p99Millis;
    }

    /** The longest command in the window, in milliseconds. */
    public double getMaxMillis() {
        return maxMillis;
    }
}
