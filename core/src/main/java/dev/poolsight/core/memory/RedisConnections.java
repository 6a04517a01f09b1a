package dev.poolsight.core.memory;

import dev.poolsight.core.config.GoDuration;
import java.util.NoSuchElementException;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/** Lends a pooled connection for one piece of work, turning a timed-out borrow into {@link PoolExhaustedException}. */
final class RedisConnections {

    private final JedisPool pool;
    private final String server;

    RedisConnections(JedisPool pool, String server) {
        this.pool = pool;
        this.server = server;
    }

    <T> T call(Function<Jedis, T> work) {
        try (Jedis jedis = borrow()) {
            return work.apply(jedis);
        }
    }

    private Jedis borrow() {
        try {
            return pool.getResource();
        } catch (JedisException e) {
            if (isTimeoutWaitingForIdleObject(e)) {
                throw new PoolExhaustedException(server, pool.getMaxTotal(),
                        GoDuration.format(pool.getMaxWaitDuration()), e);
            }
            throw e;
        }
    }

    /**
     * Commons Pool reports a timed-out wait as a {@link NoSuchElementException} saying "Timeout waiting for idle
     * object" (or "Pool exhausted" when callers may not block). A connection that failed validation or activation
     * is a NoSuchElementException too, so the message is what tells them apart. Jedis 5 and 6 wrap it in
     * JedisExhaustedPoolException, Jedis 7 in a plain JedisException.
     */
    private static boolean isTimeoutWaitingForIdleObject(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NoSuchElementException && t.getMessage() != null
                    && (t.getMessage().startsWith("Timeout waiting for idle object")
                    || t.getMessage().startsWith("Pool exhausted"))) {
                return true;
            }
        }
        return false;
    }

    void close() {
        pool.close();
    }
}
