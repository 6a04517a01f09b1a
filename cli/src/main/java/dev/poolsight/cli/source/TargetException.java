package dev.poolsight.cli.source;

import dev.poolsight.cli.CommandFailure;

/** A JVM to watch that cannot be reached or read; its message is the one line the user sees. */
public final class TargetException extends CommandFailure {

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why {@code failure} happened, on one line: the message of its innermost cause (RMI nests them over lines). */
    static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return message == null || message.isBlank() ? innermost.getClass().getSimpleName()
                : message.lines().findFirst().orElse("").trim();
    }
}
