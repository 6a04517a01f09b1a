package dev.poolsight.core.config;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** Builds the Jedis connection pool that {@link RedisSettings} describe. */
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
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .database(url.database())
                .ssl(url.tls())
                .clientName("poolsight")
                .socketTimeoutMillis((int) settings.commandTimeout().toMillis())
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis());
        url.user().ifPresent(client::user);
        url.password().ifPresent(client::password);
        return new JedisPool(poolConfig(settings), new HostAndPort(url.host(), url.port()), client.build());
    }

    static JedisPoolConfig poolConfig(RedisSettings settings) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(settings.poolSize());
        config.setMaxIdle(settings.maxIdle());
        config.setMinIdle(0);
        config.setBlockWhenExhausted(true);
        config.setMaxWait(settings.poolTimeout());
        config.setJmxEnabled(true);
        config.setJmxNamePrefix(jmxName(settings.url()));
        return config;
    }

    /** JMX names may not hold {@code :} or {@code ,}, so the server becomes {@code redis-host-port}. */
    static String jmxName(RedisUrl url) {
        String server = url.server().replace("://", "-").replaceAll("[^A-Za-z0-9.\\-]", "-");
        return JMX_NAME_PREFIX + server;
    }
}
