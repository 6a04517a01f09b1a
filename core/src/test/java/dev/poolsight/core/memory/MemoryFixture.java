package dev.poolsight.core.memory;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.tokens.TokenCounter;
import dev.poolsight.testkit.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A store on the shared test Redis under a key prefix of its own, so tests never see each other's keys, and a
 * plain connection for looking underneath the store.
 */
final class MemoryFixture implements AutoCloseable {

    /** A token counter whose arithmetic the tests can repeat: a quarter of the length, rounded up. */
    static final TokenCounter QUARTER_LENGTH = text -> (text.length() + 3) / 4;

    final TestRedis redis = TestRedis.get();
    final String prefix = "test:" + UUID.randomUUID();
    final JedisPool pool;
    final RedisConversationMemory memory;
    private final List<AutoCloseable> extras = new ArrayList<>();

    MemoryFixture() {
        this(settings -> settings, options -> options);
    }

    MemoryFixture(UnaryOperator<RedisSettings.Builder> settings, UnaryOperator<MemoryOptions.Builder> options) {
        this.pool = RedisPoolFactory.create(settings.apply(RedisSettings.builder().url(redis.url()).poolSize(64).maxIdle(64)).build());
        this.memory = RedisConversationMemory.onPool(pool, redis.url(), options.apply(MemoryOptions.builder().keyPrefix(prefix).tokenCounter(QUARTER_LENGTH)).build());
    }

    Jedis jedis() {
        Jedis jedis = new Jedis(redis.host(), redis.port());
        extras.add(jedis);
        return jedis;
    }

    ConversationKeys keys(String conversationId) {
        return ConversationKeys.of(prefix, conversationId);
    }

    @Override
    public void close() throws Exception {
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            for (String key : jedis.keys(prefix + ":*")) {
                jedis.del(key);
            }
        }
        for (AutoCloseable extra : extras) {
            extra.close();
        }
        pool.close();
    }
}
