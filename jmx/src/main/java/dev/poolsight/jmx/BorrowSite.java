package dev.poolsight.jmx;

import java.util.Set;
import java.util.StringJoiner;

/** Who borrowed an object and from where, captured at the borrow when leak detection is on (and only then). */
final class BorrowSite {

    /** The frames at the top of every capture that say nothing about the application. */
    private static final Set<String> OWN_FRAMES = Set.of(BorrowSite.class.getName(), PoolRecorder.class.getName());

    private final String threadName;
    /** Not thrown: a Throwable is the cheapest way to capture a stack, and it renders its frames only on demand. */
    private final Throwable stack;

    private BorrowSite(String threadName, Throwable stack) {
        this.threadName = threadName;
        this.stack = stack;
    }

    static BorrowSite capture() {
        return new BorrowSite(Thread.currentThread().getName(), new Throwable("borrowed here"));
    }

    String threadName() {
        return threadName;
    }

    /** One {@code at frame} line per frame, starting at the first frame outside the recorder. */
    String stackTrace() {
        StackTraceElement[] frames = stack.getStackTrace();
        int first = 0;
        while (first < frames.length && OWN_FRAMES.contains(frames[first].getClassName())) {
            first++;
        }
        StringJoiner lines = new StringJoiner("\n");
        for (int i = first; i < frames.length; i++) {
            lines.add("at " + frames[i]);
        }
        return lines.toString();
    }
}
