package dev.poolsight.core.memory;

/**
 * Redis could not be reached, or did not answer in time. The message names the server (never its password), what
 * failed or timed out, and the setting that bounds it with its value, for example
 * {@code Redis at redis://cache:6379 did not answer within REDIS_COMMAND_TIMEOUT=500ms ...}.
 */
public final class RedisUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String server;

    RedisUnavailableException(String server, String message, Throwable cause) {
        super(message, cause);
        this.server = server;
    }

    /** The server, as {@code redis://host:port}. */
    public String server() {
        return server;
    }
}
