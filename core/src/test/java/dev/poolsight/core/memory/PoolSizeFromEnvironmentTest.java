package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.testkit.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPool;

class PoolSizeFromEnvironmentTest {

    private final TestRedis redis = TestRedis.get();

    @Test
    void aPoolSizeAloneStartsAWorkingStoreThatKeepsAllItsConnectionsIdle() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of("REDIS_URL", redis.url(), "REDIS_POOL_SIZE", "20"));
        String conversation = "idle-default-" + System.nanoTime();

        try (JedisPool pool = RedisPoolFactory.create(settings);
                RedisConversationMemory memory = RedisConversationMemory.onPool(pool, redis.url(),
                        MemoryOptions.builder().keyPrefix("test:idle-default").build())) {
            memory.append(conversation, Message.user("hello"));

            assertThat(pool.getMaxIdle()).isEqualTo(20);
            assertThat(memory.readAll(conversation)).extracting(Message::content).containsExactly("hello");
            memory.clear(conversation);
        }
    }
}
