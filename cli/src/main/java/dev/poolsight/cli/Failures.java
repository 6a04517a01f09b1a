package dev.poolsight.cli;

import dev.poolsight.core.config.InvalidSettingException;

/** The one line a failure shows the user: its own message when it was written for people, else what it was. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof CommandFailure || failure instanceof InvalidSettingException) {
            return failure.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
