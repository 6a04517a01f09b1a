package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * An append against a Redis that does not answer fails within REDIS_POOL_TIMEOUT + REDIS_COMMAND_TIMEOUT, with an
 * exception that names the server and the setting; and against a Redis that is down, at once.
 */
class StalledRedisTest {

    private static final int CALLERS = 4;
    /** Room for a slow machine above the bound; far below what the defaults (30s + 2s) or Jedis' 2s would take. */
    private static final Duration SLACK = Duration.ofMillis(700);

    private final OwnRedis redis = new OwnRedis();
    private final RedisSettings settings = RedisSettings.builder().url(redis.url() + "/0").poolSize(2).maxIdle(2)
            .poolTimeout("500ms").commandTimeout("400ms").connectTimeout("400ms").build();
    private final JedisPool pool = RedisPoolFactory.create(settings);
    private final RedisConversationMemory memory = RedisConversationMemory.onPool(pool, settings,
            MemoryOptions.builder().keyPrefix("test:stalled").build());
    private final ExecutorService callers = Executors.newFixedThreadPool(CALLERS);

    @AfterEach
    void cleanUp() throws Exception {
        callers.shutdownNow();
        pool.close();
        redis.close();
    }

    @Test
    void anAppendAgainstAPausedRedisFailsWithinThePoolAndCommandTimeouts() throws Exception {
        memory.append("c1", Message.user("before the pause"));
        try (Jedis admin = new Jedis(redis.url())) {
            admin.clientPause(3_000);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            outcomes.add(callers.submit(() -> {
                start.await();
                long began = System.nanoTime();
                try {
                    memory.append("c1", Message.user("during the pause"));
                    return new Outcome(null, Duration.ofNanos(System.nanoTime() - began));
                } catch (RuntimeException e) {
                    return new Outcome(e, Duration.ofNanos(System.nanoTime() - began));
                }
            }));
        }
        start.countDown();

        for (Future<Outcome> future : outcomes) {
            Outcome outcome = future.get();
            assertThat(outcome.error()).as("an append during a 3 s pause").isNotNull();
            assertThat(outcome.took()).isLessThan(Duration.ofMillis(500 + 400).plus(SLACK));
            assertThat(outcome.error()).satisfiesAnyOf(
                    error -> assertThat(error).isInstanceOf(PoolExhaustedException.class)
                            .hasMessageContaining("REDIS_POOL_TIMEOUT=500ms"),
                    error -> assertThat(error).isInstanceOf(RedisUnavailableException.class)
                            .hasMessageContaining("Redis at " + redis.url())
                            .hasMessageContaining("did not answer within REDIS_COMMAND_TIMEOUT=400ms"));
        }
        assertThat(outcomes.stream().map(this::error)).hasAtLeastOneElementOfType(RedisUnavailableException.class);
    }

    @Test
    void anAppendAgainstARedisThatIsDownFailsAtOnceNamingTheServer() {
        redis.stop();
        long began = System.nanoTime();

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> memory.append("c1", Message.user("nobody listens")));

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(400).plus(SLACK));
        assertThat(error).isInstanceOf(RedisUnavailableException.class)
                .hasMessageStartingWith("could not connect to Redis at " + redis.url() + ": connection refused")
                .satisfies(e -> assertThat(((RedisUnavailableException) e).server()).isEqualTo(redis.url()));
    }

    @Test
    void theMessageNeverCarriesThePassword() {
        RedisSettings withPassword = RedisSettings.builder().url("redis://app:s3cretpw@127.0.0.1:1/0")
                .connectTimeout("200ms").build();
        try (RedisConversationMemory store = RedisConversationMemory.create(withPassword, MemoryOptions.defaults())) {

            Throwable error = org.assertj.core.api.Assertions.catchThrowable(() -> store.append("c1", Message.user("x")));

            assertThat(error).isInstanceOf(RedisUnavailableException.class).hasMessageNotContaining("s3cretpw");
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                assertThat(String.valueOf(cause.getMessage())).doesNotContain("s3cretpw");
            }
        }
    }

    private Throwable error(Future<Outcome> future) {
        try {
            return future.get().error();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Outcome(RuntimeException error, Duration took) {
    }
}
