package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactCount;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
import dev.poolsight.testkit.TokenCorpus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token limit is a promise about exact counts: once the asynchronous counter has drained, no conversation holds
 * more exact tokens than {@code maxTokens}, and every message trimmed on the way was told to the trim listener.
 */
class ExactTokenLimitTest {

    private static final TokenCounter EXACT = ExactTokenCounter.forEncoding("o200k_base");
    private static final int MAX_TOKENS = 3_000;
    private static final int WRITERS = 8;
    private static final int APPENDS = 60;
    private static final List<String> CONVERSATIONS = List.of("c1", "c2", "c3");

    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private final AsyncTokenCounter counter = new AsyncTokenCounter("exact-limit", EXACT, new TokenEstimator(),
            new TokenCounterSettings(2, 100_000));
    private final MemoryFixture fixture = new MemoryFixture(settings -> settings, options -> options
            .asyncTokenCounter(counter).maxTokens(MAX_TOKENS)
            .trimListener((conversation, trimmed) -> trimmed.forEach(message -> told.add(message.id()))));

    @AfterEach
    void cleanUp() throws Exception {
        counter.close(Duration.ofSeconds(30));
        fixture.close();
    }

    /** Texts the estimate gets wrong in both directions: prose, code, JSON, CJK, emoji and special tokens. */
    private static List<String> mixedTexts() {
        List<String> texts = new ArrayList<>();
        for (TokenCorpus.Message message : TokenCorpus.messages()) {
            texts.add(message.text());
        }
        texts.add("\uD83D\uDE00\uD83C\uDF89\uD83D\uDC4D ".repeat(40));
        texts.add("<|endoftext|><|im_start|>system <|im_end|> ".repeat(30));
        texts.add("\u4F60\u597D\u4E16\u754C\uFF0C\u8FD9\u662F\u4E00\u4E2A\u6D4B\u8BD5\u3002".repeat(30));
        return texts;
    }

    @Test
    void onceDrainedNoConversationHoldsMoreExactTokensThanTheLimit() throws Exception {
        RedisConversationMemory memory = fixture.memory;
        List<String> texts = mixedTexts();
        Set<String> appended = ConcurrentHashMap.newKeySet();
        for (String conversation : CONVERSATIONS) {
            memory.append(conversation, Message.system("You are terse.").pin());
        }
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(w);
            writers.add(executor.submit(() -> {
                start.await();
                for (int i = 0; i < APPENDS; i++) {
                    Message message = Message.user(texts.get(random.nextInt(texts.size())));
                    memory.append(CONVERSATIONS.get(random.nextInt(CONVERSATIONS.size())), message);
                    appended.add(message.id());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        executor.shutdown();

        assertThat(counter.close(Duration.ofSeconds(60)).drained()).isTrue();

        Set<String> held = new HashSet<>();
        for (String conversation : CONVERSATIONS) {
            List<Message> messages = memory.readAll(conversation);
            long exact = messages.stream().mapToLong(message -> EXACT.count(message.content())).sum();
            assertThat(memory.estimatedMessageCount(conversation)).isZero();
            assertThat(memory.tokenCount(conversation)).as(conversation).isEqualTo(exact).isLessThanOrEqualTo(MAX_TOKENS);
            assertThat(memory.messageCount(conversation)).isEqualTo(messages.size());
            messages.stream().filter(message -> !message.pinned()).forEach(message -> held.add(message.id()));
        }
        Set<String> accounted = new HashSet<>(held);
        accounted.addAll(told);
        assertThat(accounted).as("every appended message is held or was told trimmed").isEqualTo(appended);
    }

    @Test
    void anExactCountOverTheLimitTrimsTheOldestButNeverTheNewestMessage() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        TokenCounter waitsForever = text -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        };
        AsyncTokenCounter stalled = new AsyncTokenCounter("stalled", waitsForever, text -> 1, new TokenCounterSettings(1, 10));
        try (MemoryFixture estimates = new MemoryFixture(settings -> settings, options -> options
                .asyncTokenCounter(stalled).maxTokens(MAX_TOKENS)
                .trimListener((conversation, trimmed) -> trimmed.forEach(message -> told.add(message.id()))))) {
            Message pinned = Message.system("rules").pin();
            Message oldest = Message.user("old");
            Message newest = Message.user("new");
            estimates.memory.append("c1", List.of(pinned, oldest, newest));

            estimates.memory.applyExactCounts(List.of(new ExactCount<>(
                    new RedisConversationMemory.CountedMessage(estimates.keys("c1"), newest.id()), MAX_TOKENS + 10)));

            assertThat(estimates.memory.readAll("c1")).containsExactly(pinned, newest);
            assertThat(told).containsExactly(oldest.id());
            assertThat(estimates.memory.tokenCount("c1")).isEqualTo(1 + MAX_TOKENS + 10);
            assertThat(estimates.memory.messageCount("c1")).isEqualTo(2);
            assertThat(estimates.memory.estimatedMessageCount("c1")).isEqualTo(1);
        } finally {
            never.countDown();
            stalled.close(Duration.ofSeconds(10));
        }
    }
}
