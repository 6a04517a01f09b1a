package dev.poolsight.agent.instrumentation;

import dev.poolsight.agent.bootstrap.PoolIdentity;
import dev.poolsight.jmx.PoolGauges;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Names Commons Pool 2 pools so that people can tell them apart, and reads their gauges, all by reflection: the
 * agent cannot link against the host's Commons Pool or Jedis, which may be any version in any class loader.
 *
 * <p>Names, first match wins: the {@code jmxNamePrefix} the application gave the pool; for a Jedis pool, its
 * server as {@code redis://host:port} (never with credentials); otherwise the pool's and its factory's class
 * names, such as {@code GenericObjectPool:PoolableConnectionFactory}.
 */
public final class CommonsPoolIdentity implements PoolIdentity {

    /** Commons Pool's own default JMX names: pool, pool2, pool3, ... */
    private static final Pattern DEFAULT_JMX_NAME = Pattern.compile("pool[0-9]*");
    /**
     * The factories of Jedis pools: JedisFactory behind the legacy JedisPool, ConnectionFactory behind JedisPooled,
     * Jedis 7's RedisClient and each node pool of the cluster and sentinel clients.
     */
    private static final Set<String> JEDIS_FACTORIES =
            Set.of("redis.clients.jedis.JedisFactory", "redis.clients.jedis.ConnectionFactory");

    @Override
    public String nameOf(Object pool) {
        String applicationName = jmxName(pool);
        if (applicationName != null) {
            return applicationName;
        }
        Object factory = call(pool, "getFactory");
        if (factory != null && isJedisFactory(factory.getClass())) {
            String server = jedisServer(factory);
            if (server != null) {
                return server;
            }
        }
        return pool.getClass().getSimpleName() + ":" + (factory == null ? "unknown" : factory.getClass().getSimpleName());
    }

    /** Whether the pool is a Jedis pool, whichever client built it. */
    @Override
    public boolean lendsRedisConnections(Object pool) {
        Object factory = call(pool, "getFactory");
        return factory != null && isJedisFactory(factory.getClass());
    }

    private static String jmxName(Object pool) {
        Object objectName = call(pool, "getJmxName");
        if (objectName instanceof ObjectName name) {
            String value = name.getKeyProperty("name");
            if (value != null && !DEFAULT_JMX_NAME.matcher(value).matches()) {
                return value;
            }
        }
        return null;
    }

    private static boolean isJedisFactory(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (JEDIS_FACTORIES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address is in the factory's socket factory: a field of the factory in Jedis 5 and 6 (and of JedisFactory
     * in 7), of the factory's connection builder in Jedis 7's ConnectionFactory. The client config says whether
     * it is TLS.
     */
    private static String jedisServer(Object factory) {
        Object socketFactory = field(factory, "jedisSocketFactory");
        if (socketFactory == null) {
            Object connectionBuilder = field(factory, "connectionBuilder");
            socketFactory = connectionBuilder == null ? null : field(connectionBuilder, "socketFactory");
        }
        Object hostAndPort = socketFactory == null ? null : call(socketFactory, "getHostAndPort");
        if (hostAndPort == null) {
            return null;
        }
        Object clientConfig = field(factory, "clientConfig");
        boolean tls = clientConfig != null && Boolean.TRUE.equals(call(clientConfig, "isSsl"));
        Object host = call(hostAndPort, "getHost");
        Object port = call(hostAndPort, "getPort");
        if (host == null || port == null) {
            return null;
        }
        String hostText = host.toString().contains(":") ? "[" + host + "]" : host.toString();
        return (tls ? "rediss://" : "redis://") + hostText + ":" + port;
    }

    @Override
    public PoolGauges gaugesOf(Object pool) {
        return new ReflectivePoolGauges(pool);
    }

    @Override
    public boolean isClosed(Object pool) {
        return Boolean.TRUE.equals(call(pool, "isClosed"));
    }

    static Object call(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
