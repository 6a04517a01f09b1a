package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.RedisCommandNames;

/**
 * The static methods that the advice woven into Jedis calls around each command, pipeline and transaction. A
 * command is attributed to the pool whose connection the calling thread borrowed last and has not returned yet
 * (Jedis sends every command on the thread that borrowed the connection); a thread that holds no pooled
 * connection is not timed at all, and pays one thread-local read.
 *
 * <p>None of these methods ever throws into the host application.
 */
public final class RedisHooks {

    /** What an enter hook returns when the command is not timed. */
    public static final long UNTIMED = Long.MIN_VALUE;

    /** The pool whose connection this thread holds; one slot, so that changing it is a plain array write. */
    private static final ThreadLocal<PoolRecorder[]> LENT = ThreadLocal.withInitial(() -> new PoolRecorder[1]);

    private RedisHooks() {
    }

    /**
     * This thread has just borrowed from {@code pool}. Only a pool of Redis connections is noted, so that other pools'
     * borrows and returns pay no thread-local look-up for command timing.
     */
    static void lent(PoolRecorder pool) {
        if (pool.lendsRedisConnections()) {
            LENT.get()[0] = pool;
        }
    }

    /** This thread is giving a connection of {@code pool} back. */
    static void returning(PoolRecorder pool) {
        if (!pool.lendsRedisConnections()) {
            return;
        }
        PoolRecorder[] lent = LENT.get();
        if (lent[0] == pool) {
            lent[0] = null;
        }
    }

    /** Before a command, pipeline or transaction: its start, or {@link #UNTIMED}. */
    public static long starting() {
        return LENT.get()[0] == null ? UNTIMED : System.nanoTime();
    }

    /** After a command that started at {@code start}; {@code command} is the Jedis {@code ProtocolCommand}. */
    public static void commandEnded(long start, Object command, Throwable thrown) {
        if (start != UNTIMED) {
            try {
                ended(start, RedisCommandNames.global().indexOf(command), thrown);
            } catch (Throwable t) {
                AgentHealth.failure("record Redis command", t);
            }
        }
    }

    /** After a pipeline's round trip, which counts once as {@code PIPELINE}. */
    public static void pipelineEnded(long start, Throwable thrown) {
        if (start != UNTIMED) {
            try {
                ended(start, RedisCommandNames.PIPELINE, thrown);
            } catch (Throwable t) {
                AgentHealth.failure("record Redis pipeline", t);
            }
        }
    }

    /** After a transaction's EXEC, which counts once as {@code TRANSACTION}. */
    public static void transactionEnded(long start, Throwable thrown) {
        if (start != UNTIMED) {
            try {
                ended(start, RedisCommandNames.TRANSACTION, thrown);
            } catch (Throwable t) {
                AgentHealth.failure("record Redis transaction", t);
            }
        }
    }

    private static void ended(long start, int command, Throwable thrown) {
        long nanos = System.nanoTime() - start;
        PoolRecorder pool = LENT.get()[0];
        if (pool != null) {
            pool.redisCommands().record(command, RedisFailures.outcome(thrown), nanos);
        }
    }
}
