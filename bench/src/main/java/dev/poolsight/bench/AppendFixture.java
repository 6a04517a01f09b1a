package dev.poolsight.bench;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.memory.MemoryOptions;
import dev.poolsight.core.memory.Message;
import dev.poolsight.core.memory.RedisConversationMemory;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenCounterMBean;
import dev.poolsight.core.tokens.TokenEstimator;
import dev.poolsight.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The five appends the append benchmarks compare, on one Redis and one pool: the bare EVALSHA round trip of the
 * append script (a pooled connection, arguments precomputed as bytes: the baseline), an append that counts tokens
 * exactly on the append path, an append with the asynchronous counter, an append that counts characters / 4 (the
 * store's own cost, without a counter), and an append that stores the estimate but submits nothing (the estimate's
 * cost, without the counter's queue).
 *
 * <p>{@link #pause} is what comes between two appends, untimed: the asynchronous counter's worker counts one message
 * exactly and applies the count to Redis with a script call, and the pause lasts until it has and at least 200 us.
 * After an asynchronous append that work is the append's own; after any other, the pause submits the same work
 * itself (applied to a message that does not exist, one look-up less in Redis). An agent's appends come between LLM
 * calls that take seconds, so the workers keep up, and the question is what the append itself costs. The background
 * work must be the same for all variants because it is not free for the next append: on these 2-core virtual
 * machines the worker's and Redis' activity just before an append moved that append's time by tens of
 * microseconds, even with a trivial counter on the worker.
 */
final class AppendFixture implements AutoCloseable {

    private static final int MAX_MESSAGES = 100;
    private static final int PRECOMPUTED = 4096;
    private static final long PAUSE_NANOS = 200_000;

    private final JedisPool pool;
    private final StoreAppends exactOnAppendPath;
    private final StoreAppends asyncCounted;
    private final StoreAppends lengthCounted;
    private final StoreAppends estimateCounted;
    private final AsyncTokenCounter asyncCounter;
    private final TokenCounterMBean asyncCounterMBean;
    private final String content;
    private final byte[] appendSha;
    private final String applySha;
    private final List<String> backgroundKeys = List.of("bench:background:{b}:meta", "bench:background:{b}:tokens");
    private final List<byte[]> bareKeys;
    private final List<List<byte[]>> bareArgs;
    private int nextBare;

    /** @param size the length of every message, in characters of English prose */
    AppendFixture(int size) {
        TestRedis redis = TestRedis.get();
        pool = RedisPoolFactory.create(RedisSettings.builder().url(redis.url()).poolSize(8).maxIdle(8).build());
        content = BenchTexts.english(size);
        ExactTokenCounter exact = ExactTokenCounter.forEncoding("o200k_base");
        asyncCounter = new AsyncTokenCounter("bench", exact, new TokenEstimator(), TokenCounterSettings.defaults());
        // Registered as an application that watches its counter would: the MBean is read only when someone looks.
        asyncCounterMBean = TokenCounterMBean.register(asyncCounter);
        exactOnAppendPath = store(redis, MemoryOptions.builder().keyPrefix("bench:sync").tokenCounter(exact));
        asyncCounted = store(redis, MemoryOptions.builder().keyPrefix("bench:async").asyncTokenCounter(asyncCounter));
        lengthCounted = store(redis, MemoryOptions.builder().keyPrefix("bench:length")
                .tokenCounter(text -> text.length() / 4));
        estimateCounted = store(redis, MemoryOptions.builder().keyPrefix("bench:estimate")
                .tokenCounter(new TokenEstimator()));
        try (Jedis jedis = pool.getResource()) {
            appendSha = SafeEncoder.encode(jedis.scriptLoad(script("append.lua")));
            applySha = jedis.scriptLoad(script("apply-exact-counts.lua"));
        }
        bareKeys = encoded(List.of("bench:bare:{c}:messages", "bench:bare:{c}:meta", "bench:bare:{c}:tokens"));
        bareArgs = new ArrayList<>(PRECOMPUTED);
        int tokens = exact.count(content);
        for (int i = 0; i < PRECOMPUTED; i++) {
            String id = "m" + i;
            String json = "{\"id\":\"" + id + "\",\"role\":\"user\",\"content\":\"" + content + "\",\"ts\":0,\"pinned\":false}";
            bareArgs.add(encoded(List.of("0", Integer.toString(MAX_MESSAGES), "0", "0", "1", id, json,
                    Integer.toString(tokens), "0")));
        }
    }

    /** A store on the shared pool, limited to {@link #MAX_MESSAGES} messages, with its own ring of messages. */
    private StoreAppends store(TestRedis redis, MemoryOptions.Builder options) {
        return new StoreAppends(RedisConversationMemory.onPool(pool, redis.url(),
                options.maxMessages(MAX_MESSAGES).build()), messages(PRECOMPUTED));
    }

    /** The bare round trip's keys and arguments as bytes, as the store sends its own: nothing is encoded when timed. */
    private static List<byte[]> encoded(List<String> strings) {
        return strings.stream().map(SafeEncoder::encode).toList();
    }

    /**
     * Messages built ahead, like the bare variant's arguments: making one (a random UUID for its id) is the caller's
     * cost, not the store's. The ring is larger than the conversation's limit, so that an id comes round again only
     * after its message has been trimmed.
     */
    private Message[] messages(int count) {
        Message[] messages = new Message[count];
        for (int i = 0; i < count; i++) {
            messages[i] = Message.user(content);
        }
        return messages;
    }

    private static String script(String name) {
        try (InputStream in = RedisConversationMemory.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object bareEvalsha() {
        List<byte[]> args = bareArgs.get(nextBare++ & (PRECOMPUTED - 1));
        try (Jedis jedis = pool.getResource()) {
            return jedis.evalsha(appendSha, bareKeys, args);
        }
    }

    Object appendCountingExactly() {
        return exactOnAppendPath.appendNext();
    }

    Object appendWithAsyncCounter() {
        return asyncCounted.appendNext();
    }

    /**
     * The store's own cost, without counting: an append that counts characters / 4 on the append path and has no
     * worker. Between the bare round trip and the asynchronous counter, it tells the store's work from the
     * counter's.
     */
    Object appendWithoutCounting() {
        return lengthCounted.appendNext();
    }

    /**
     * The asynchronous append without the counter: the estimate is taken on the append path and nothing is
     * submitted. Between the store without counting and the asynchronous counter, it tells the estimate's cost from
     * the submission's.
     */
    Object appendWithEstimateOnly() {
        return estimateCounted.appendNext();
    }

    /**
     * Untimed, before an append: the same background work and pause whatever the append; see the class comment.
     *
     * @param afterAsyncAppend whether the append before was the asynchronous one, whose own count is then in flight
     */
    void pause(boolean afterAsyncAppend) {
        if (!afterAsyncAppend) {
            asyncCounter.submit(content, this::applyToAbsentMessage);
        }
        long deadline = System.nanoTime() + PAUSE_NANOS;
        while (System.nanoTime() < deadline
                || asyncCounter.submitted() != asyncCounter.completed() + asyncCounter.errors()) {
            Thread.onSpinWait();
        }
    }

    /** What the asynchronous variant's worker does with a count, for a message that is not there. */
    private void applyToAbsentMessage(int exactCount) {
        try (Jedis jedis = pool.getResource()) {
            jedis.evalsha(applySha, backgroundKeys, List.of("0", "absent", Integer.toString(exactCount)));
        }
    }

    /** Drains the counter, prints what it did, and removes what the appends stored. */
    @Override
    public void close() {
        asyncCounterMBean.close();
        asyncCounter.close(Duration.ofSeconds(30));
        System.out.printf("%n[async counter, %d B] submitted=%d completed=%d fallbacks=%d%n", content.length(),
                asyncCounter.submitted(), asyncCounter.completed(), asyncCounter.fallbacks());
        for (StoreAppends store : List.of(exactOnAppendPath, asyncCounted, lengthCounted, estimateCounted)) {
            store.clear();
        }
        try (Jedis jedis = pool.getResource()) {
            jedis.del(bareKeys.toArray(byte[][]::new));
        }
        pool.close();
    }

    /** One store's appends to conversation {@code c}, taking its messages from the ring in turn. */
    private static final class StoreAppends {

        private final RedisConversationMemory memory;
        private final Message[] messages;
        private int next;

        StoreAppends(RedisConversationMemory memory, Message[] messages) {
            this.memory = memory;
            this.messages = messages;
        }

        Object appendNext() {
            return memory.append("c", messages[next++ & (messages.length - 1)]);
        }

        void clear() {
            memory.clear("c");
        }
    }
}
