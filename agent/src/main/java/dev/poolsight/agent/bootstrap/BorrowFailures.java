package dev.poolsight.agent.bootstrap;

import java.util.NoSuchElementException;

/**
 * Tells an exhausted pool from a failed borrow. Commons Pool 2 throws {@link NoSuchElementException} for both:
 * "Timeout waiting for idle object" (the caller waited its maxWait) or "Pool exhausted" (the caller may not
 * block) mean exhaustion; "Unable to activate object" and "Unable to validate object" mean the connection was
 * bad. Validation failures may come without a cause, so only the message tells them apart.
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
}
