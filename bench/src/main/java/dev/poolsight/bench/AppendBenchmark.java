package dev.poolsight.bench;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.memory.MemoryOptions;
import dev.poolsight.core.memory.Message;
import dev.poolsight.core.memory.RedisConversationMemory;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
import dev.poolsight.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Append latency, side by side in one run: the bare EVALSHA round trip of the append script (the baseline: a
 * pooled connection, precomputed arguments), an append that counts tokens exactly on the append path, an append
 * with the asynchronous counter, and an append that counts characters / 4 (the store's own cost). Sample mode, so
 * the p50 of each is in the output.
 *
 * <p>Between two appends, untimed, every variant goes through the same pause: the asynchronous counter's worker
 * counts one message exactly and applies the count to Redis with a script call, and the pause lasts until it has
 * and at least 200 us. For the asynchronous variant that work is its own previous append's; for the others the
 * pause submits the same work itself (applied to a message that does not exist, one look-up less in Redis). An
 * agent's appends come between LLM calls that take seconds, so the workers keep up, and the question is what the
 * append itself costs. The background work must be the same for all variants because it is not free for the next
 * append: on these 2-core virtual machines the worker's and Redis' activity just before an append moved that
 * append's time by tens of microseconds, even with a trivial counter on the worker. {@link AppendSaturatedBenchmark}
 * appends back to back instead, with the workers busy all along.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AppendBenchmark {

    private static final int MAX_MESSAGES = 100;
    private static final int PRECOMPUTED = 4096;
    private static final long PAUSE_NANOS = 200_000;

    @Param({"100", "1024", "8192"})
    public int size;

    private JedisPool pool;
    private RedisConversationMemory exactOnAppendPath;
    private RedisConversationMemory asyncCounted;
    private RedisConversationMemory lengthCounted;
    private AsyncTokenCounter asyncCounter;
    private String content;
    private String appendSha;
    private String applySha;
    private final List<String> backgroundKeys = List.of("bench:background:{b}:meta", "bench:background:{b}:tokens");
    private List<String> bareKeys;
    private List<List<String>> bareArgs;
    private Message[] exactMessages;
    private Message[] asyncMessages;
    private Message[] lengthMessages;
    private int next;
    private int nextExact;
    private int nextAsync;
    private int nextLength;

    @Setup(Level.Trial)
    public void setUp() {
        TestRedis redis = TestRedis.get();
        pool = RedisPoolFactory.create(RedisSettings.builder().url(redis.url()).poolSize(8).maxIdle(8).build());
        content = BenchTexts.english(size);
        ExactTokenCounter exact = ExactTokenCounter.forEncoding("o200k_base");
        exactOnAppendPath = RedisConversationMemory.onPool(pool, redis.url(), MemoryOptions.builder()
                .keyPrefix("bench:sync").maxMessages(MAX_MESSAGES).tokenCounter(exact).build());
        asyncCounter = new AsyncTokenCounter("bench", exact, new TokenEstimator(), TokenCounterSettings.defaults());
        asyncCounted = RedisConversationMemory.onPool(pool, redis.url(), MemoryOptions.builder()
                .keyPrefix("bench:async").maxMessages(MAX_MESSAGES).asyncTokenCounter(asyncCounter).build());
        lengthCounted = RedisConversationMemory.onPool(pool, redis.url(), MemoryOptions.builder()
                .keyPrefix("bench:length").maxMessages(MAX_MESSAGES).tokenCounter(text -> text.length() / 4).build());
        try (Jedis jedis = pool.getResource()) {
            appendSha = jedis.scriptLoad(script("append.lua"));
            applySha = jedis.scriptLoad(script("apply-exact-count.lua"));
        }
        bareKeys = List.of("bench:bare:{c}:messages", "bench:bare:{c}:meta", "bench:bare:{c}:tokens");
        bareArgs = new ArrayList<>(PRECOMPUTED);
        int tokens = exact.count(content);
        for (int i = 0; i < PRECOMPUTED; i++) {
            String id = "m" + i;
            String json = "{\"id\":\"" + id + "\",\"role\":\"user\",\"content\":\"" + content + "\",\"ts\":0,\"pinned\":false}";
            bareArgs.add(List.of("0", Integer.toString(MAX_MESSAGES), "0", "0", "1", id, json, Integer.toString(tokens), "0"));
        }
        exactMessages = messages(PRECOMPUTED);
        asyncMessages = messages(PRECOMPUTED);
        lengthMessages = messages(PRECOMPUTED);
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

    /** Untimed: the same background work and pause for every variant; see the class comment. */
    @Setup(Level.Invocation)
    public void pauseBetweenAppends(BenchmarkParams params) {
        if (!pacedByCounter()) {
            return;
        }
        if (!params.getBenchmark().endsWith(".appendWithAsyncCounter")) {
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
            jedis.evalsha(applySha, backgroundKeys, List.of("absent", Integer.toString(exactCount)));
        }
    }

    /** Whether appends wait for the counter between them; {@link AppendSaturatedBenchmark} says no. */
    protected boolean pacedByCounter() {
        return true;
    }

    @Benchmark
    public Object bareEvalsha() {
        List<String> args = bareArgs.get(next++ & (PRECOMPUTED - 1));
        try (Jedis jedis = pool.getResource()) {
            return jedis.evalsha(appendSha, bareKeys, args);
        }
    }

    @Benchmark
    public Object appendCountingExactly() {
        return exactOnAppendPath.append("c", exactMessages[nextExact++ & (PRECOMPUTED - 1)]);
    }

    @Benchmark
    public Object appendWithAsyncCounter() {
        return asyncCounted.append("c", asyncMessages[nextAsync++ & (PRECOMPUTED - 1)]);
    }

    /**
     * The store's own cost, without counting: an append that counts characters / 4 on the append path and has no
     * worker. Between the bare round trip and the asynchronous counter, it tells the store's work from the
     * counter's.
     */
    @Benchmark
    public Object appendWithoutCounting() {
        return lengthCounted.append("c", lengthMessages[nextLength++ & (PRECOMPUTED - 1)]);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        asyncCounter.close(Duration.ofSeconds(30));
        System.out.printf("%n[async counter, %d B] submitted=%d completed=%d fallbacks=%d%n", size,
                asyncCounter.submitted(), asyncCounter.completed(), asyncCounter.fallbacks());
        exactOnAppendPath.clear("c");
        asyncCounted.clear("c");
        lengthCounted.clear("c");
        try (Jedis jedis = pool.getResource()) {
            jedis.del(bareKeys.toArray(String[]::new));
        }
        pool.close();
    }
}
