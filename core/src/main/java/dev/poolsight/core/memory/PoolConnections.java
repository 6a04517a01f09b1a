package dev.poolsight.core.memory;

import dev.poolsight.core.config.GoDuration;
import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.Pool;

/**
 * Lends a connection from one Jedis pool for one piece of work: a {@code JedisPool} of one server, or a
 * {@code JedisSentinelPool}, which follows the Sentinels to a new master after a failover. A timed-out borrow
 * becomes {@link PoolExhaustedException}, a connection that cannot be opened or that fails during the work a
 * {@link RedisUnavailableException}, so that a call takes at most the pool timeout and the command timeout.
 *
 * <p>A connection that broke (not one that timed out) is most often one that died while idle, after Redis restarted
 * or a proxy dropped it: then the pool's other idle connections are cleared, as they are likely dead too, and the
 * work runs once more on a new connection. The caller says what that second run does; an append makes it one that
 * cannot store a message twice.
 *
 * <p>A broken connection goes back to the pool on a background thread: Commons Pool opens a replacement for
 * waiting callers on the thread that returns one, and against a stalled Redis that would add a connect and a
 * command timeout to a caller who has already waited its command timeout.
 */
final class PoolConnections implements RedisConnections {

    private static final Logger LOG = LoggerFactory.getLogger(PoolConnections.class);

    private final Pool<Jedis> pool;
    private final String server;
    private final RedisFailures failures;

    /** @param settings the settings the pool was made with, or null for a pool the caller built */
    PoolConnections(Pool<Jedis> pool, String server, RedisSettings settings) {
        this.pool = pool;
        this.server = server;
        this.failures = new RedisFailures(server, settings);
    }

    /**
     * Connections to the master the Sentinels of {@code REDIS_SENTINELS} name; when none of them answers, or none
     * knows the master, the failure says so as a borrow's would, with the variable to check.
     */
    static PoolConnections toSentinelMaster(RedisSettings settings) {
        String master = settings.topology().describe();
        try {
            return new PoolConnections(RedisPoolFactory.createSentinelPool(settings), master, settings);
        } catch (JedisException e) {
            throw new RedisFailures(master, settings).onBorrow(e);
        }
    }

    /** The routing key is of no use with one server: every key is on it. */
    @Override
    public <T> T call(byte[] routingKey, Function<Jedis, T> work, Function<Jedis, T> retry, AfterWork afterWork) {
        try {
            return once(work, afterWork);
        } catch (BrokenConnection broken) {
            LOG.debug("A connection to {} broke ({}); clearing idle connections and trying once more",
                    server, broken.getCause().getMessage());
            pool.clear();
            try {
                return once(retry, afterWork);
            } catch (BrokenConnection again) {
                throw failures.onCommand(again.getCause());
            }
        }
    }

    /** One server holds every key, so one command may touch them all. */
    @Override
    public <T> Collection<List<T>> groupsForOneCommand(List<T> items, Function<T, byte[]> routingKey) {
        return List.of(items);
    }

    private <T> T once(Function<Jedis, T> work, AfterWork afterWork) {
        Jedis jedis = borrow();
        T result;
        try {
            result = work.apply(jedis);
            afterWork.run(jedis, server);
        } catch (JedisConnectionException e) {
            BrokenConnectionRelease.release(jedis);
            if (RedisFailures.isTimeout(e)) {
                throw failures.onCommand(e);
            }
            throw new BrokenConnection(e);
        } catch (RuntimeException | Error e) {
            jedis.close();
            throw e;
        }
        jedis.close();
        return result;
    }

    private Jedis borrow() {
        try {
            return pool.getResource();
        } catch (JedisException e) {
            if (RedisFailures.isTimeoutWaitingForIdleObject(e)) {
                throw new PoolExhaustedException(server, pool.getMaxTotal(),
                        GoDuration.format(pool.getMaxWaitDuration()), e);
            }
            throw failures.onBorrow(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** A connection that broke during the work without timing out; the work may be tried again. */
    private static final class BrokenConnection extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BrokenConnection(JedisConnectionException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        @Override
        public synchronized JedisConnectionException getCause() {
            return (JedisConnectionException) super.getCause();
        }
    }

    /** Returns broken connections to their pool on one daemon thread, so that the caller does not wait for it. */
    private static final class BrokenConnectionRelease {

        private static final ExecutorService RELEASER = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "poolsight-redis-release");
            thread.setDaemon(true);
            return thread;
        });

        static void release(Jedis broken) {
            RELEASER.execute(() -> {
                try {
                    broken.close();
                } catch (RuntimeException e) {
                    LOG.debug("Returning a broken Redis connection failed", e);
                }
            });
        }
    }
}
