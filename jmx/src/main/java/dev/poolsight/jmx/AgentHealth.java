package dev.poolsight.jmx;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts the agent's own failures, the Throwables it suppresses so that the host application never sees them.
 *
 * <p>A failure's kind is where it happened plus its class. The first failure of each kind goes to standard error
 * with its stack trace, so that a broken agent is noticed; later ones are only counted, so that a failure on
 * every borrow cannot flood the log. There is no logging framework: the agent must not bring one into the host.
 */
public final class AgentHealth {

    private static final AgentHealth GLOBAL = new AgentHealth(() -> System.err);

    /** Resolved at each first failure, not once: the application may replace {@code System.err} at runtime. */
    private final Supplier<PrintStream> log;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    AgentHealth(Supplier<PrintStream> log) {
        this.log = log;
    }

    /**
     * Counts a suppressed failure of the process's agent, logging it if it is the first of its kind. Never throws.
     *
     * @param where   what the agent was doing, for example {@code "record borrow"}
     * @param failure what went wrong; may be null
     */
    public static void failure(String where, Throwable failure) {
        GLOBAL.record(where, failure);
    }

    /** How many failures the process's agent has suppressed. */
    public static long failureCount() {
        return GLOBAL.total();
    }

    /** The process's suppressed failures by kind ({@code where: exception class}), sorted by kind. */
    public static Map<String, Long> failureCounts() {
        return GLOBAL.byKind();
    }

    void record(String where, Throwable failure) {
        try {
            String kind = where + ": " + (failure == null ? "no exception" : failure.getClass().getName());
            LongAdder count = counts.get(kind);
            if (count == null) {
                LongAdder first = new LongAdder();
                count = counts.putIfAbsent(kind, first);
                if (count == null) {
                    count = first;
                    logFirst(where, failure);
                }
            }
            count.increment();
        } catch (Throwable reportingFailed) {
            // Reporting a failure must not become one: the caller is on the host application's path.
        }
    }

    private void logFirst(String where, Throwable failure) {
        PrintStream out = log.get();
        out.println("[poolsight] internal failure in " + where
                + " (suppressed; later failures of this kind are only counted)");
        if (failure != null) {
            failure.printStackTrace(out);
        }
    }

    long total() {
        long total = 0;
        for (LongAdder count : counts.values()) {
            total += count.sum();
        }
        return total;
    }

    Map<String, Long> byKind() {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((kind, count) -> result.put(kind, count.sum()));
        return Collections.unmodifiableMap(result);
    }
}
