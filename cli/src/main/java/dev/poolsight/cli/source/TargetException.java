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
}
