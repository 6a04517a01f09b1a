package dev.poolsight.core.memory;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisAskDataException;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Lends a connection to the Redis Cluster node that serves a key's slot, from the pools and the slot map of Jedis'
 * cluster client ({@link ClusterConnectionProvider}), which learns the cluster from its seeds and renews the map
 * when the cluster says it changed.
 *
 * <p>The client's own command executor is not used for two reasons: an append's WAIT must run on the connection
 * that wrote (WAIT counts that connection's writes), and an append sent again after its connection broke must carry
 * the retry flag that keeps it from being stored twice, which the executor's resend of the same command cannot.
 * So this class follows the cluster's answers itself, as the executor would: MOVED renews the slot map and tries
 * again, ASK tries once on the node named with ASKING first, CLUSTERDOWN and a broken connection renew the map and
 * try again; a timeout is final, as whether the command ran is unknown.
 */
final class ClusterConnections implements RedisConnections {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnections.class);
    /** As many tries as Jedis' cluster client makes by default. */
    private static final int MAX_ATTEMPTS = 5;

    private final ClusterConnectionProvider provider;
    private final String cluster;
    private final RedisSettings settings;

    ClusterConnections(ClusterConnectionProvider provider, RedisSettings settings) {
        this.provider = provider;
        this.settings = settings;
        this.cluster = settings.topology().describe();
    }

    /**
     * Connections to the cluster of {@code REDIS_CLUSTER_NODES}, whose map of slots the client reads from the first
     * seed that answers; when none does, the failure says so as a borrow's would, with the variable to check.
     */
    static ClusterConnections create(RedisSettings settings) {
        try {
            return new ClusterConnections(RedisPoolFactory.createClusterProvider(settings), settings);
        } catch (JedisException e) {
            throw new RedisFailures(settings.topology().describe(), settings).onBorrow(e);
        }
    }

    @Override
    public <T> T call(byte[] routingKey, Function<Jedis, T> work, Function<Jedis, T> retry, AfterWork afterWork) {
        int slot = JedisClusterCRC16.getSlot(routingKey);
        Function<Jedis, T> next = work;
        HostAndPort askedTo = null;
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Connection connection = borrow(slot, askedTo);
            HostAndPort node = askedTo != null ? askedTo : provider.getNode(slot);
            String server = node == null ? cluster : "redis://" + node;
            Jedis jedis = new Jedis(connection);
            try {
                if (askedTo != null) {
                    jedis.asking();
                }
                T result = next.apply(jedis);
                afterWork.run(jedis, server);
                release(connection);
                return result;
            } catch (JedisAskDataException ask) {
                release(connection);
                askedTo = ask.getTargetNode();
                last = ask;
            } catch (JedisMovedDataException | JedisClusterException movedOrDown) {
                release(connection);
                askedTo = null;
                last = movedOrDown;
                renewSlotMap();
            } catch (JedisConnectionException broken) {
                release(connection);
                if (RedisFailures.isTimeout(broken)) {
                    throw failuresOf(server).onCommand(broken);
                }
                LOG.debug("A connection to {} broke ({}); renewing the slot map and trying again", server,
                        broken.getMessage());
                askedTo = null;
                last = failuresOf(server).onCommand(broken);
                next = retry;
                renewSlotMap();
            } catch (RuntimeException | Error e) {
                release(connection);
                throw e;
            }
        }
        throw new RedisUnavailableException(cluster, "no node of " + cluster + " served slot " + slot + " after "
                + MAX_ATTEMPTS + " tries, most likely while a failover was under way; last answer: "
                + last.getMessage(), last);
    }

    /** A command's keys must share a slot, even when two slots are on one node. */
    @Override
    public <T> Collection<List<T>> groupsForOneCommand(List<T> items, Function<T, byte[]> routingKey) {
        Map<Integer, List<T>> bySlot = new LinkedHashMap<>();
        for (T item : items) {
            int slot = JedisClusterCRC16.getSlot(routingKey.apply(item));
            bySlot.computeIfAbsent(slot, ignored -> new ArrayList<>()).add(item);
        }
        return bySlot.values();
    }

    private Connection borrow(int slot, HostAndPort askedTo) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return askedTo != null ? provider.getConnection(askedTo) : provider.getConnectionFromSlot(slot);
            } catch (JedisException e) {
                if (RedisFailures.isTimeoutWaitingForIdleObject(e)) {
                    throw new PoolExhaustedException(cluster + " node " + provider.getNode(slot),
                            settings.poolSize(), settings.poolTimeoutText(), e);
                }
                // A node that died leaves its slots to a replica: the renewed map names it once it took over.
                HostAndPort node = askedTo != null ? askedTo : provider.getNode(slot);
                last = failuresOf(node == null ? cluster : "redis://" + node).onBorrow(e);
                renewSlotMap();
            }
        }
        throw last;
    }

    /** Failures name the node as well as the cluster: "redis://10.0.0.1:6379 of Redis Cluster (seed nodes ...)". */
    private RedisFailures failuresOf(String server) {
        return new RedisFailures(server.equals(cluster) ? cluster : server + " of " + cluster, settings);
    }

    /**
     * Gives a connection back after a failure. Its node's pool may be gone by then, closed when a renewed slot map
     * dropped the node; the connection is then closed alone, and the caller hears of the failure that matters.
     */
    private static void release(Connection connection) {
        try {
            connection.close();
        } catch (JedisException e) {
            LOG.debug("Returning a connection after a failure failed: {}", e.getMessage());
        }
    }

    /** Renewing asks the other nodes; if none answers, the next borrow says so. */
    private void renewSlotMap() {
        try {
            provider.renewSlotCache();
        } catch (JedisException e) {
            LOG.debug("Renewing the slot map of {} failed: {}", cluster, e.getMessage());
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
