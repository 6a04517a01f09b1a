package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Redis stops and starts again under a store whose pool holds idle connections: appends fail only while it is
 * down, each with a clear exception, and afterwards none fails because a pooled connection died; no append is lost
 * or stored twice.
 */
class RedisRestartTest {

    private static final int POOL = 8;

    private final OwnRedis redis = new OwnRedis();
    private final RedisSettings settings = RedisSettings.builder().url(redis.url()).poolSize(POOL).maxIdle(POOL)
            .poolTimeout("1s").commandTimeout("1s").connectTimeout("1s").build();
    private final JedisPool pool = RedisPoolFactory.create(settings);
    private final RedisConversationMemory memory = RedisConversationMemory.onPool(pool, settings,
            MemoryOptions.builder().keyPrefix("test:restart").build());
    private final List<String> stored = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        pool.close();
        redis.close();
    }

    private void append(String content) {
        memory.append("c1", Message.user(content));
        stored.add(content);
    }

    /** Every connection of the pool used at once and returned, so that the pool holds them all idle. */
    private void fillThePoolWithIdleConnections() {
        List<Jedis> borrowed = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            borrowed.add(pool.getResource());
        }
        borrowed.forEach(Jedis::close);
        assertThat(pool.getNumIdle()).isEqualTo(POOL);
    }

    @Test
    void afterARestartNoAppendFailsBecauseAnIdleConnectionDied() {
        append("before");
        fillThePoolWithIdleConnections();

        redis.stop();
        redis.start();
        for (int i = 0; i < 30; i++) {
            append("after " + i);
        }

        assertThat(memory.readAll("c1")).extracting(Message::content).containsExactlyElementsOf(stored);
        assertThat(memory.messageCount("c1")).isEqualTo(31);
    }

    @Test
    void whileRedisIsDownAppendsFailClearlyAndNothingIsLostOrDoubled() {
        append("before");
        fillThePoolWithIdleConnections();
        redis.stop();

        List<Throwable> whileDown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            whileDown.add(catchThrowable(() -> append("while down")));
        }
        redis.start();
        for (int i = 0; i < 30; i++) {
            append("after " + i);
        }

        assertThat(whileDown).allSatisfy(error -> assertThat(error).isInstanceOf(RedisUnavailableException.class)
                .hasMessageContaining("Redis at " + redis.url()));
        assertThat(memory.readAll("c1")).extracting(Message::content).containsExactlyElementsOf(stored);
        assertThat(stored).hasSize(31).doesNotContain("while down");
    }
}
