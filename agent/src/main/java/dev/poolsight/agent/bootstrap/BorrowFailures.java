package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.PoolRecorder;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;

/**
 * Tells an exhausted pool from a failed borrow. Commons Pool 2 throws {@link NoSuchElementException} for both:
 * "Timeout waiting for idle object" (the caller waited its maxWait) or "Pool exhausted" (the caller may not
 * block) mean exhaustion; "Unable to activate object" and "Unable to validate object" mean the connection was
 * bad. Validation failures may come without a cause, so only the message tells them apart.
 *
 * <p>From 2.12 on the timeout message ends with the wait the caller was allowed, in one of the forms
 * {@code borrowMaxWaitDuration=PT0.02S}, {@code maxWaitDuration=PT0.02S} or {@code borrowMaxWaitMillis=20}: a
 * borrow that timed out waited that long.
 */
public final class BorrowFailures {

    private BorrowFailures() {
    }

    public static boolean isExhaustion(Throwable thrown) {
        if (!(thrown instanceof NoSuchElementException)) {
            return false;
        }
        String message = thrown.getMessage();
        return message != null
                && (message.startsWith("Timeout waiting for idle object") || message.startsWith("Pool exhausted"));
    }

    /**
     * How long an exhausted borrow waited: the timeout its message names, zero for a caller that may not block
     * ("Pool exhausted"), {@link PoolRecorder#UNKNOWN_WAIT} when the message names none.
     */
    public static long exhaustionWaitNanos(Throwable thrown) {
        String message = thrown.getMessage();
        if (message == null || message.startsWith("Pool exhausted")) {
            return message == null ? PoolRecorder.UNKNOWN_WAIT : 0;
        }
        int equals = message.lastIndexOf('=');
        if (equals < 0) {
            return PoolRecorder.UNKNOWN_WAIT;
        }
        String value = message.substring(equals + 1).trim();
        try {
            long nanos = value.startsWith("PT") || value.startsWith("-PT")
                    ? Duration.parse(value).toNanos()
                    : Duration.ofMillis(Long.parseLong(value)).toNanos();
            return Math.max(0, nanos);
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return PoolRecorder.UNKNOWN_WAIT;
        }
    }
}
