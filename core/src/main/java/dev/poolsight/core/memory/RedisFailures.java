package dev.poolsight.core.memory;

import dev.poolsight.core.config.RedisSettings;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.NoSuchElementException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns Jedis' connection failures into {@link RedisUnavailableException}s that say what happened in the user's
 * terms: the server, what failed or timed out, and the setting that bounds it. Jedis' own messages name at most the
 * host and port; the URL's credentials never reach them.
 */
final class RedisFailures {

    private final String server;
    private final String serverVariable;
    private final String commandTimeout;
    private final String connectTimeout;

    /** @param settings the pool's settings, or null for a pool the caller built, whose timeouts are unknown here */
    RedisFailures(String server, RedisSettings settings) {
        this.server = server;
        this.serverVariable = settings == null ? RedisSettings.REDIS_URL : settings.topology().variable();
        this.commandTimeout = settings == null ? "the socket timeout of the pool's client config"
                : RedisSettings.REDIS_COMMAND_TIMEOUT + "=" + settings.commandTimeoutText();
        this.connectTimeout = settings == null ? "the connection timeout of the pool's client config"
                : RedisSettings.REDIS_CONNECT_TIMEOUT + "=" + settings.connectTimeoutText();
    }

    /**
     * Commons Pool reports a timed-out wait as a {@link NoSuchElementException} saying "Timeout waiting for idle
     * object" (or "Pool exhausted" when callers may not block). A connection that failed validation or activation
     * is a NoSuchElementException too, so the message is what tells them apart. Jedis 5 and 6 wrap it in
     * JedisExhaustedPoolException, Jedis 7 in a plain JedisException.
     */
    static boolean isTimeoutWaitingForIdleObject(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NoSuchElementException && t.getMessage() != null
                    && (t.getMessage().startsWith("Timeout waiting for idle object")
                    || t.getMessage().startsWith("Pool exhausted"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the connection timed out waiting for Redis, rather than broke. */
    static boolean isTimeout(Throwable error) {
        return find(error, SocketTimeoutException.class) != null;
    }

    /** A failure to get a connection from the pool: opening a new one failed. */
    RuntimeException onBorrow(JedisException error) {
        SocketTimeoutException timeout = find(error, SocketTimeoutException.class);
        if (timeout != null && isConnectTimeout(timeout)) {
            return unavailable("could not connect to Redis at " + server + " within " + connectTimeout, error);
        }
        if (timeout != null) {
            return unavailable("Redis at " + server + " did not answer within " + commandTimeout
                    + " while a new connection was set up (CLIENT SETNAME, AUTH, SELECT); is it paused or overloaded?",
                    error);
        }
        if (find(error, ConnectException.class) != null) {
            return unavailable("could not connect to Redis at " + server + ": connection refused; is it running?"
                    + " (" + serverVariable + " names the server)", error);
        }
        if (find(error, UnknownHostException.class) != null) {
            return unavailable("could not connect to Redis at " + server + ": unknown host (" + serverVariable
                    + " names the server)", error);
        }
        if (find(error, JedisConnectionException.class) != null) {
            return unavailable("could not open a connection to Redis at " + server + ": " + rootMessage(error), error);
        }
        return error;
    }

    /** A connection that failed during a command. */
    RedisUnavailableException onCommand(JedisConnectionException error) {
        if (isTimeout(error)) {
            return unavailable("Redis at " + server + " did not answer within " + commandTimeout
                    + "; whether the command ran is unknown. Is Redis paused, blocked by a slow command, or overloaded?",
                    error);
        }
        return unavailable("the connection to Redis at " + server + " broke during the command: " + rootMessage(error),
                error);
    }

    private RedisUnavailableException unavailable(String message, Throwable cause) {
        return new RedisUnavailableException(server, message, cause);
    }

    private static boolean isConnectTimeout(SocketTimeoutException timeout) {
        String message = timeout.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** The first {@code type} among the causes, or what they suppressed: Jedis keeps the failed addresses there. */
    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                T found = find(suppressed, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
