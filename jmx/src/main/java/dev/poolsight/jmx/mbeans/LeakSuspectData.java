package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.LeakSuspect;
import javax.management.ConstructorParameters;

/**
 * A {@link LeakSuspect} in a form that the MXBean machinery maps to open data: a {@code CompositeData} with the
 * items {@code object}, {@code heldForMillis}, {@code threadName} and {@code stackTrace}, which JConsole shows as a
 * table and Jolokia as JSON. The stack trace is one string per frame, so that each frame gets its own row.
 */
public final class LeakSuspectData {

    private final String object;
    private final double heldForMillis;
    private final String threadName;
    private final String[] stackTrace;

    /** For MXBean proxies, which rebuild the value from its items by these names. */
    @ConstructorParameters({"object", "heldForMillis", "threadName", "stackTrace"})
    public LeakSuspectData(String object, double heldForMillis, String threadName, String[] stackTrace) {
        this.object = object;
        this.heldForMillis = heldForMillis;
        this.threadName = threadName;
        this.stackTrace = stackTrace.clone();
    }

    static LeakSuspectData of(LeakSuspect suspect) {
        String trace = suspect.stackTrace();
        return new LeakSuspectData(suspect.object(), suspect.heldFor().toNanos() / 1e6, suspect.threadName(),
                trace.isEmpty() ? new String[0] : trace.split("\n"));
    }

    /** The object as {@code ClassName@identityHash}. */
    public String getObject() {
        return object;
    }

    /** How long it has been lent out, in milliseconds. */
    public double getHeldForMillis() {
        return heldForMillis;
    }

    /** The thread that borrowed it. */
    public String getThreadName() {
        return threadName;
    }

    /** Where it was borrowed, one {@code at frame} line per element, the pool's caller first. */
    public String[] getStackTrace() {
        return stackTrace.clone();
    }
}
