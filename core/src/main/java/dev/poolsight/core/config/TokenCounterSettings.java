package dev.poolsight.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * The size of the asynchronous token counter: how many dedicated workers count exactly, and how many messages
 * may wait for them before appends fall back to the estimate.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>Variable</th><th>Default</th><th>Format</th></tr>
 *   <tr><td>{@code TOKEN_COUNTER_WORKERS}</td><td>half the processors, at least 1</td><td>whole number, 1 to 256</td></tr>
 *   <tr><td>{@code TOKEN_COUNTER_QUEUE_SIZE}</td><td>10000</td><td>whole number, at least 1</td></tr>
 * </table>
 *
 * @param workers       the number of worker threads
 * @param queueCapacity the most messages waiting to be counted
 */
public record TokenCounterSettings(int workers, int queueCapacity) {

    public static final String TOKEN_COUNTER_WORKERS = "TOKEN_COUNTER_WORKERS";
    public static final String TOKEN_COUNTER_QUEUE_SIZE = "TOKEN_COUNTER_QUEUE_SIZE";
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    static final int MAX_WORKERS = 256;

    public TokenCounterSettings {
        SettingParser.atLeast(TOKEN_COUNTER_WORKERS, workers, 1);
        if (workers > MAX_WORKERS) {
            throw new InvalidSettingException(TOKEN_COUNTER_WORKERS, Integer.toString(workers),
                    "too many; accepted: a whole number from 1 to " + MAX_WORKERS);
        }
        SettingParser.atLeast(TOKEN_COUNTER_QUEUE_SIZE, queueCapacity, 1);
    }

    /** Counting is CPU-bound: by default half the processors count, the other half serve the application. */
    public static TokenCounterSettings defaults() {
        return new TokenCounterSettings(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), DEFAULT_QUEUE_CAPACITY);
    }

    public static TokenCounterSettings fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static TokenCounterSettings fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment is null");
        TokenCounterSettings defaults = defaults();
        String workers = environment.get(TOKEN_COUNTER_WORKERS);
        String queue = environment.get(TOKEN_COUNTER_QUEUE_SIZE);
        return new TokenCounterSettings(
                workers == null ? defaults.workers() : SettingParser.wholeNumber(TOKEN_COUNTER_WORKERS, workers, 1),
                queue == null ? defaults.queueCapacity() : SettingParser.wholeNumber(TOKEN_COUNTER_QUEUE_SIZE, queue, 1));
    }
}
