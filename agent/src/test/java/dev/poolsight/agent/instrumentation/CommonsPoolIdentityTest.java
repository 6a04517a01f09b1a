package dev.poolsight.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.agent.host.GenericPoolHost;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPooled;

/** Built pools, never connected: naming and telling a pool apart need no server. */
class CommonsPoolIdentityTest {

    private final CommonsPoolIdentity identity = new CommonsPoolIdentity();

    @Test
    void aJedisPoolIsNamedByItsServerAndLendsRedisConnections() {
        try (JedisPool pool = new JedisPool("127.0.0.1", 6390)) {
            assertThat(identity.nameOf(pool)).isEqualTo("redis://127.0.0.1:6390");
            assertThat(identity.lendsRedisConnections(pool)).isTrue();
        }
    }

    @Test
    void jedisPooledsPoolLendsRedisConnections() {
        try (JedisPooled client = new JedisPooled("127.0.0.1", 6391)) {
            assertThat(identity.lendsRedisConnections(client.getPool())).isTrue();
        }
    }

    @Test
    void anyOtherPoolLendsNone() {
        try (GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new GenericPoolHost.Buffers())) {
            assertThat(identity.lendsRedisConnections(pool)).isFalse();
            assertThat(identity.nameOf(pool)).startsWith("GenericObjectPool:");
        }
    }
}
