package dev.poolsight.cli;

/** A failure whose message was written for the user: it is shown as it is, on one line, with exit code 1. */
public class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
