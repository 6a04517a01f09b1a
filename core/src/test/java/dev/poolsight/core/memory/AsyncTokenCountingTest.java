package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.DrainReport;
import dev.poolsight.core.tokens.ExactCount;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncTokenCountingTest {

    private static final TokenCounter EXACT = ExactTokenCounter.forEncoding("o200k_base");
    private static final TokenEstimator ESTIMATOR = new TokenEstimator();

    private final CountDownLatch release = new CountDownLatch(1);
    private final TokenCounter slowExact = text -> {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXACT.count(text);
    };
    private AsyncTokenCounter counter;
    private MemoryFixture fixture;

    @AfterEach
    void cleanUp() throws Exception {
        release.countDown();
        counter.close(Duration.ofSeconds(30));
        fixture.close();
    }

    private RedisConversationMemory store(TokenCounter exact, int workers, int queueCapacity, int maxMessages, long maxTokens) {
        counter = new AsyncTokenCounter("test", exact, ESTIMATOR, new TokenCounterSettings(workers, queueCapacity));
        fixture = new MemoryFixture(s -> s, o -> o.asyncTokenCounter(counter).maxMessages(maxMessages).maxTokens(maxTokens));
        return fixture.memory;
    }

    @Test
    void onceDrainedTheTokenCountIsTheSumOfExactCountsUnderConcurrentWritersTrimmingAndClears() throws Exception {
        RedisConversationMemory memory = store(EXACT, 2, 100_000, 0, 1_500);
        int writers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            running.add(executor.submit(() -> {
                Random random = new Random(writer);
                start.await();
                for (int i = 0; i < 150; i++) {
                    String conversation = "c" + random.nextInt(4);
                    if (writer == 0 && i % 40 == 39) {
                        memory.clear(conversation);
                    }
                    memory.append(conversation, Message.user(randomText(random)));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : running) {
            writer.get();
        }
        executor.shutdown();

        DrainReport report = counter.close(Duration.ofSeconds(60));

        assertThat(report.drained()).isTrue();
        assertThat(counter.fallbacks()).isZero();
        assertThat(counter.errors()).isZero();
        for (int c = 0; c < 4; c++) {
            String conversation = "c" + c;
            List<Message> held = memory.readAll(conversation);
            assertThat(memory.tokenCount(conversation)).as(conversation)
                    .isEqualTo(held.stream().mapToLong(m -> EXACT.count(m.content())).sum());
            assertThat(memory.estimatedMessageCount(conversation)).isZero();
            assertThat(memory.messageCount(conversation)).isEqualTo(held.size());
        }
    }

    @Test
    void aFullQueueNeverBlocksAnAppendAndTheMessageKeepsItsMarkedEstimate() {
        RedisConversationMemory memory = store(slowExact, 1, 1, 0, 0);
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            contents.add("message number " + i + " has a few words in it");
        }

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String content : contents) {
                memory.append("c1", Message.user(content));
            }
        });
        long fallbacks = counter.fallbacks();
        assertThat(fallbacks).isBetween(18L, 19L);
        assertThat(memory.estimatedMessageCount("c1")).isEqualTo(20);

        release.countDown();
        assertThat(counter.close(Duration.ofSeconds(30)).drained()).isTrue();

        assertThat(memory.estimatedMessageCount("c1")).isEqualTo(fallbacks);
        long exactlyCounted = 20 - fallbacks;
        long expected = contents.stream().limit(exactlyCounted).mapToLong(EXACT::count).sum()
                + contents.stream().skip(exactlyCounted).mapToLong(ESTIMATOR::count).sum();
        assertThat(memory.tokenCount("c1")).isEqualTo(expected);
    }

    @Test
    void aCountForAMessageAlreadyTrimmedAwayChangesNothing() {
        RedisConversationMemory memory = store(slowExact, 1, 100, 1, 0);
        memory.append("c1", Message.user("this one will be trimmed before its exact count arrives"));
        Message kept = Message.user("this one stays");
        memory.append("c1", kept);

        release.countDown();
        counter.close(Duration.ofSeconds(30));

        assertThat(memory.readAll("c1")).containsExactly(kept);
        assertThat(memory.tokenCount("c1")).isEqualTo(EXACT.count(kept.content()));
        assertThat(counter.completed()).isEqualTo(2);
    }

    @Test
    void aCountForAClearedConversationChangesNothing() {
        RedisConversationMemory memory = store(slowExact, 1, 100, 0, 0);
        memory.append("c1", Message.user("cleared before its count arrives"));
        memory.clear("c1");

        release.countDown();
        counter.close(Duration.ofSeconds(30));

        assertThat(memory.exists("c1")).isFalse();
        assertThat(memory.tokenCount("c1")).isZero();
    }

    @Test
    void anExactCountIsAppliedExactlyOnce() {
        RedisConversationMemory memory = store(EXACT, 1, 100, 0, 0);
        Message message = Message.user("counted once, however often the count arrives");
        memory.append("c1", message);
        counter.close(Duration.ofSeconds(30));
        long once = memory.tokenCount("c1");

        memory.applyExactCounts(List.of(
                new ExactCount<>(new RedisConversationMemory.CountedMessage(fixture.keys("c1"), message.id()), 1_000)));

        assertThat(memory.tokenCount("c1")).isEqualTo(once).isEqualTo(EXACT.count(message.content()));
    }

    @Test
    void countsQueuedWhileTheWorkerCountedAreAppliedInOneRoundTrip() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        TokenCounter firstWaits = text -> {
            counting.countDown();
            return slowExact.count(text);
        };
        RedisConversationMemory memory = store(firstWaits, 1, 100, 0, 0);
        Random random = new Random(7);
        memory.append("c0", Message.user(randomText(random)));
        counting.await();
        List<String> conversations = List.of("c1", "c2", "c3");
        for (int i = 0; i < 30; i++) {
            memory.append(conversations.get(i % 3), Message.user(randomText(random)));
        }
        long borrowsBefore = fixture.pool.getBorrowedCount();

        release.countDown();
        assertThat(counter.close(Duration.ofSeconds(30)).drained()).isTrue();

        assertThat(fixture.pool.getBorrowedCount() - borrowsBefore).as("round trips of the worker").isEqualTo(2);
        assertThat(counter.completed()).isEqualTo(31);
        for (String conversation : List.of("c0", "c1", "c2", "c3")) {
            assertThat(memory.estimatedMessageCount(conversation)).as(conversation).isZero();
            assertThat(memory.tokenCount(conversation)).as(conversation).isEqualTo(
                    memory.readAll(conversation).stream().mapToLong(m -> EXACT.count(m.content())).sum());
        }
    }

    @Test
    void countsAppliedTogetherGiveTheSameTotalsInAnyOrderAndEachOnlyOnce() {
        RedisConversationMemory memory = store(slowExact, 1, 100, 0, 0);
        Random random = new Random(11);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.add(Message.user(randomText(random)));
        }
        memory.append("forwards", messages);
        memory.append("backwards", messages);
        List<ExactCount<RedisConversationMemory.CountedMessage>> forwards = new ArrayList<>();
        List<ExactCount<RedisConversationMemory.CountedMessage>> backwards = new ArrayList<>();
        for (Message message : messages) {
            int exact = EXACT.count(message.content());
            forwards.add(new ExactCount<>(new RedisConversationMemory.CountedMessage(fixture.keys("forwards"),
                    message.id()), exact));
            backwards.add(0, new ExactCount<>(new RedisConversationMemory.CountedMessage(fixture.keys("backwards"),
                    message.id()), exact));
        }
        forwards.add(forwards.get(0));

        memory.applyExactCounts(forwards);
        memory.applyExactCounts(backwards);

        long exactTotal = messages.stream().mapToLong(m -> EXACT.count(m.content())).sum();
        assertThat(memory.tokenCount("forwards")).isEqualTo(memory.tokenCount("backwards")).isEqualTo(exactTotal);
        assertThat(memory.estimatedMessageCount("forwards")).isZero();
        assertThat(memory.estimatedMessageCount("backwards")).isZero();
    }

    @Test
    void specialTokensInUserTextAreCountedNotRejected() {
        RedisConversationMemory memory = store(EXACT, 1, 100, 0, 0);
        String content = "Ignore this: <|endoftext|><|im_start|>system";

        memory.append("c1", Message.user(content));
        counter.close(Duration.ofSeconds(30));

        assertThat(counter.errors()).isZero();
        assertThat(memory.tokenCount("c1")).isEqualTo(EXACT.count(content)).isGreaterThan(5);
        assertThat(memory.estimatedMessageCount("c1")).isZero();
    }

    @Test
    void aMessageWhoseWordsWereAllCountedLatelyIsStoredExactAtOnceWithoutAWorker() {
        TokenCounter exact = ExactTokenCounter.forEncoding("o200k_base"); // its own memory of counts
        String text = "The pool waits for a connection when every one of them is in use.";
        String unseen = "Quixotic zephyrs bewilder jovial kumquats.";
        for (int i = 0; i < 5; i++) {
            exact.count(text); // as the worker would have counted earlier messages: a few new chunks learnt a time
        }
        RedisConversationMemory memory = store(exact, 1, 100, 0, 0);

        memory.append("c1", List.of(Message.user(text), Message.user(unseen)));

        assertThat(counter.countedAtOnce()).isEqualTo(1);
        assertThat(counter.submitted()).isEqualTo(1);
        assertThat(memory.estimatedMessageCount("c1")).isEqualTo(1);
        assertThat(counter.close(Duration.ofSeconds(30)).drained()).isTrue();
        assertThat(memory.tokenCount("c1")).isEqualTo(EXACT.count(text) + EXACT.count(unseen));
        assertThat(memory.estimatedMessageCount("c1")).isZero();
    }

    @Test
    void emptyContentIsExactAtOnceAndNeverQueued() {
        RedisConversationMemory memory = store(EXACT, 1, 100, 0, 0);

        memory.append("c1", Message.assistant(""));

        assertThat(counter.submitted()).isZero();
        assertThat(memory.tokenCount("c1")).isZero();
        assertThat(memory.estimatedMessageCount("c1")).isZero();
    }

    @Test
    void aFiveMegabyteMessageIsStoredAndCountedExactly() {
        RedisConversationMemory memory = store(EXACT, 1, 100, 0, 0);
        StringBuilder text = new StringBuilder(5 * 1024 * 1024 + 100);
        Random random = new Random(5);
        while (text.length() < 5 * 1024 * 1024) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(10) == 0 ? ".\n" : " ");
        }
        String content = text.toString();

        memory.append("c1", Message.user(content));
        assertThat(counter.close(Duration.ofSeconds(120)).drained()).isTrue();

        assertThat(memory.readAll("c1")).singleElement().extracting(Message::content).isEqualTo(content);
        assertThat(memory.tokenCount("c1")).isEqualTo(EXACT.count(content));
    }

    private static final String[] WORDS = ("the pool of connections to redis grows when the agent waits longer than ten"
            + " milliseconds for a free connection and shrinks when idle ones pile up; tokens, counts, estimates,"
            + " {\"role\":\"user\"} public static void main(String[] args) 连接池 соединение 接続").split(" ");

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int words = 1 + random.nextInt(120);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString();
    }
}
