package dev.poolsight.core.config;

/** A text that is not a duration in Go's {@code time.ParseDuration} grammar. */
public final class InvalidDurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidDurationException(String message) {
        super(message);
    }
}
