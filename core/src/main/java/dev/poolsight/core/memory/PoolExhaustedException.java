package dev.poolsight.core.memory;

/**
 * No Redis connection became free within the pool timeout. The message gives the pool size and timeout in force
 * and the two environment variables that change them.
 */
public final class PoolExhaustedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int poolSize;
    private final String poolTimeout;

    PoolExhaustedException(String server, int poolSize, String poolTimeout, Throwable cause) {
        super("Redis connection pool exhausted: all " + poolSize + " connections to " + server
                + " stayed in use for " + poolTimeout + " (REDIS_POOL_SIZE=" + poolSize + ", REDIS_POOL_TIMEOUT="
                + poolTimeout + "). Raise REDIS_POOL_SIZE if this happens under normal load, REDIS_POOL_TIMEOUT"
                + " to ride out short bursts, and look for connections that are never returned.", cause);
        this.poolSize = poolSize;
        this.poolTimeout = poolTimeout;
    }

    /** The pool's maximum number of connections when the borrow timed out. */
    public int poolSize() {
        return poolSize;
    }

    /** The pool timeout in force, as a Go duration such as {@code 50ms}. */
    public String poolTimeout() {
        return poolTimeout;
    }
}
