package dev.poolsight.core.memory;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.Jedis;

/**
 * Lends a connection for one piece of work, on whichever server holds the keys: one server, the master that Sentinels
 * name, or the cluster node that serves the key's slot. Failures come back as {@link PoolExhaustedException} or
 * {@link RedisUnavailableException}.
 */
interface RedisConnections extends AutoCloseable {

    /** Runs {@code work}, once more on a new connection if the first broke: for work that may run twice. */
    default <T> T call(byte[] routingKey, Function<Jedis, T> work) {
        return call(routingKey, work, work, AfterWork.NONE);
    }

    /**
     * Runs {@code work} on a connection to the server of {@code routingKey}, then {@code afterWork} on the same
     * connection; if the connection broke, runs {@code retry} on a new one instead.
     */
    <T> T call(byte[] routingKey, Function<Jedis, T> work, Function<Jedis, T> retry, AfterWork afterWork);

    /**
     * Splits {@code items} into groups whose keys one command may touch together: all of them on one server; on a
     * cluster, those whose routing keys are in the same slot. Each group keeps the order of {@code items}.
     */
    <T> Collection<List<T>> groupsForOneCommand(List<T> items, Function<T, byte[]> routingKey);

    @Override
    void close();

    /** What follows the work on the connection that did it, such as WAIT, which counts that connection's writes. */
    @FunctionalInterface
    interface AfterWork {
        AfterWork NONE = (jedis, server) -> { };

        /** @param server the server the connection is to, for messages */
        void run(Jedis jedis, String server);
    }
}
