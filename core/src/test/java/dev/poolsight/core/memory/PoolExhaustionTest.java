package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.testkit.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

class PoolExhaustionTest {

    private static final int CALLERS = 8;

    private final TestRedis redis = TestRedis.get();
    private final RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
            "REDIS_URL", redis.url(), "REDIS_POOL_SIZE", "2", "REDIS_POOL_TIMEOUT", "50ms", "REDIS_MAX_IDLE_CONNS", "2"));
    private final JedisPool pool = RedisPoolFactory.create(settings);
    private final RedisConversationMemory memory = RedisConversationMemory.onPool(pool, settings.url().server(),
            MemoryOptions.builder().keyPrefix("test:exhaustion:" + System.nanoTime()).build());
    private final ExecutorService executor = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void cleanUp() {
        executor.shutdownNow();
        memory.clear("c1");
        pool.close();
    }

    @Test
    void callersGetAnExhaustionErrorThatNamesTheSettingsAndTheStoreRecovers() throws Exception {
        Jedis held1 = pool.getResource();
        Jedis held2 = pool.getResource();

        List<Future<AppendResult>> blocked = runConcurrently(() -> memory.append("c1", Message.user("hi")));
        List<Throwable> errors = new ArrayList<>();
        for (Future<AppendResult> call : blocked) {
            errors.add(org.assertj.core.api.Assertions.catchThrowable(call::get).getCause());
        }

        assertThat(errors).hasSize(CALLERS).allSatisfy(error -> assertThat(error)
                .isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("pool exhausted")
                .hasMessageContaining("all 2 connections")
                .hasMessageContaining("REDIS_POOL_SIZE=2")
                .hasMessageContaining("REDIS_POOL_TIMEOUT=50ms"));
        PoolExhaustedException first = (PoolExhaustedException) errors.get(0);
        assertThat(first.poolSize()).isEqualTo(2);
        assertThat(first.poolTimeout()).isEqualTo("50ms");

        held1.close();
        held2.close();

        // One after another: eight callers at once on two connections could wait past 50 ms on a busy machine.
        for (int i = 0; i < CALLERS; i++) {
            memory.append("c1", Message.user("again"));
        }
        assertThat(memory.messageCount("c1")).isEqualTo(CALLERS);
    }

    private <T> List<Future<T>> runConcurrently(Callable<T> call) {
        List<Future<T>> calls = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            calls.add(executor.submit(call));
        }
        return calls;
    }
}
