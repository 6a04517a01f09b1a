package dev.poolsight.core.config;

import java.util.LinkedHashSet;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.JedisSentinelPool;
import redis.clients.jedis.providers.ClusterConnectionProvider;

/** Builds the Jedis connection pools that {@link RedisSettings} describe, for each of the three topologies. */
public final class RedisPoolFactory {

    /** The prefix of the pool's Commons Pool 2 JMX name, so that JConsole shows what the pool is for. */
    static final String JMX_NAME_PREFIX = "poolsight-memory-";

    private RedisPoolFactory() {
    }

    /**
     * A pool with maxTotal = {@code REDIS_POOL_SIZE}, maxIdle = {@code REDIS_MAX_IDLE_CONNS}, callers that
     * block for at most {@code REDIS_POOL_TIMEOUT} when every connection is in use, and connections that wait at
     * most {@code REDIS_COMMAND_TIMEOUT} for an answer and {@code REDIS_CONNECT_TIMEOUT} to connect. Commons Pool's own JMX stays
     * on, under a name such as {@code poolsight-memory-redis-localhost-6379}.
     */
    public static JedisPool create(RedisSettings settings) {
        RedisUrl url = settings.url();
        DefaultJedisClientConfig.Builder client = clientConfig(settings)
                .database(url.database())
                .ssl(url.tls());
        return new JedisPool(poolConfig(settings), new HostAndPort(url.host(), url.port()), client.build());
    }

    /**
     * A pool of connections to the master that the Sentinels of {@code REDIS_SENTINELS} name for
     * {@code REDIS_SENTINEL_MASTER}, sized as {@link #create} sizes its own. When the Sentinels elect a new master,
     * the pool drops its connections to the old one and opens new ones to the new one. {@code REDIS_USERNAME} and
     * {@code REDIS_PASSWORD} log in to the master; the Sentinels themselves are reached without a login.
     */
    public static JedisSentinelPool createSentinelPool(RedisSettings settings) {
        RedisTopology.Sentinel sentinel = (RedisTopology.Sentinel) settings.topology();
        JedisPoolConfig config = poolConfig(settings);
        config.setJmxNamePrefix(JMX_NAME_PREFIX + "sentinel-" + jmxSafe(sentinel.masterName()));
        JedisClientConfig sentinelClient = DefaultJedisClientConfig.builder()
                .socketTimeoutMillis((int) settings.commandTimeout().toMillis())
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .build();
        return new JedisSentinelPool(sentinel.masterName(), new LinkedHashSet<>(sentinel.sentinels()), config,
                clientConfig(settings).build(), sentinelClient);
    }

    /**
     * The Jedis cluster client's connection provider for the seeds of {@code REDIS_CLUSTER_NODES}: it learns the
     * cluster's nodes and slots and keeps one pool per node, each sized by REDIS_POOL_SIZE, REDIS_MAX_IDLE_CONNS and
     * REDIS_POOL_TIMEOUT.
     */
    public static ClusterConnectionProvider createClusterProvider(RedisSettings settings) {
        RedisTopology.Cluster cluster = (RedisTopology.Cluster) settings.topology();
        return new ClusterConnectionProvider(new LinkedHashSet<>(cluster.seeds()), clientConfig(settings).build(),
                clusterNodePoolConfig(settings));
    }

    /**
     * Without a JMX name of ours: one configuration serves every node's pool, so a name would be the same for all and
     * hide which node each pool is for, where Commons Pool's default lets the Poolsight agent name each after its
     * node, {@code redis://host:port}.
     */
    static GenericObjectPoolConfig<Connection> clusterNodePoolConfig(RedisSettings settings) {
        return sized(new GenericObjectPoolConfig<>(), settings);
    }

    private static DefaultJedisClientConfig.Builder clientConfig(RedisSettings settings) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .clientName("poolsight")
                .socketTimeoutMillis((int) settings.commandTimeout().toMillis())
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis());
        settings.user().ifPresent(client::user);
        settings.password().ifPresent(client::password);
        return client;
    }

    static JedisPoolConfig poolConfig(RedisSettings settings) {
        JedisPoolConfig config = sized(new JedisPoolConfig(), settings);
        config.setJmxNamePrefix(jmxName(settings.url()));
        return config;
    }

    /** Every pool of every topology is sized alike: a cluster's node pools each as one server's pool. */
    private static <C extends GenericObjectPoolConfig<?>> C sized(C config, RedisSettings settings) {
        config.setMaxTotal(settings.poolSize());
        config.setMaxIdle(settings.maxIdle());
        config.setMinIdle(0);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(settings.poolTimeout());
        config.setJmxEnabled(true);
        return config;
    }

    /** JMX names may not hold {@code :} or {@code ,}, so the server becomes {@code redis-host-port}. */
    static String jmxName(RedisUrl url) {
        return JMX_NAME_PREFIX + jmxSafe(url.server().replace("://", "-"));
    }

    private static String jmxSafe(String text) {
        return text.replaceAll("[^A-Za-z0-9.\\-]", "-");
    }
}
