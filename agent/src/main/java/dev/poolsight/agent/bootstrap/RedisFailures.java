package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.RedisCommandRecorder;

/**
 * Sorts a failed Jedis command by what went wrong, from its exception's class names alone: the hooks cannot link
 * against the application's Jedis. An error reply is a {@code JedisDataException} (WRONGTYPE, NOSCRIPT, BUSY, ...);
 * a broken or unusable connection a {@code JedisConnectionException}, and a timeout one caused by a
 * {@code SocketTimeoutException}; anything else failed in the client.
 */
final class RedisFailures {

    private static final String DATA = "redis.clients.jedis.exceptions.JedisDataException";
    private static final String CONNECTION = "redis.clients.jedis.exceptions.JedisConnectionException";
    private static final int MAX_CAUSES = 8;

    private RedisFailures() {
    }

    static int outcome(Throwable thrown) {
        if (thrown == null) {
            return RedisCommandRecorder.OK;
        }
        if (is(thrown, DATA)) {
            return RedisCommandRecorder.ERROR_REPLY;
        }
        if (is(thrown, CONNECTION)) {
            return timedOut(thrown) ? RedisCommandRecorder.TIMEOUT : RedisCommandRecorder.CONNECTION_ERROR;
        }
        return RedisCommandRecorder.OTHER_ERROR;
    }

    private static boolean timedOut(Throwable thrown) {
        Throwable cause = thrown;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean is(Throwable thrown, String className) {
        for (Class<?> c = thrown.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
