package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.poolsight.core.config.TokenCounterSettings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncTokenCounterTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final TokenCounter blockedUntilReleased = text -> {
        started.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.length();
    };
    private AsyncTokenCounter counter;

    @AfterEach
    void closeCounter() {
        release.countDown();
        if (counter != null) {
            counter.close(Duration.ofSeconds(10));
        }
    }

    @Test
    void theEstimatorLoadsWhatItNeedsOnAWorkerNotOnTheFirstAppend() {
        AtomicReference<String> preparedOn = new AtomicReference<>();
        TokenCounter estimator = estimatorPreparedBy(() -> preparedOn.set(Thread.currentThread().getName()));

        counter = new AsyncTokenCounter("prepared", String::length, estimator, new TokenCounterSettings(1, 100));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(preparedOn.get()).isEqualTo("poolsight-token-counter-prepared-1"));
    }

    @Test
    void aWorkerWhoseEstimatorFailsToPrepareStillCounts() {
        TokenCounter estimator = estimatorPreparedBy(() -> {
            throw new IllegalStateException("vocabulary file missing");
        });
        counter = new AsyncTokenCounter("unprepared", String::length, estimator, new TokenCounterSettings(1, 100));
        Map<String, Integer> counts = new ConcurrentHashMap<>();

        assertThat(counter.submit("abcd", exact -> counts.put("abcd", exact))).isTrue();
        counter.close(Duration.ofSeconds(10));

        assertThat(counts).containsExactly(Map.entry("abcd", 4));
    }

    /** An estimator of one token a text whose {@link TokenCounter#prepare} runs {@code prepare}. */
    private static TokenCounter estimatorPreparedBy(Runnable prepare) {
        return new TokenCounter() {
            @Override
            public int count(String text) {
                return 1;
            }

            @Override
            public void prepare() {
                prepare.run();
            }
        };
    }

    @Test
    void exactCountsReachTheirCallbacks() {
        counter = new AsyncTokenCounter("test", String::length, text -> 1, new TokenCounterSettings(2, 100));
        Map<String, Integer> counts = new ConcurrentHashMap<>();

        for (String text : List.of("a", "bb", "ccc")) {
            assertThat(counter.submit(text, exact -> counts.put(text, exact))).isTrue();
        }
        DrainReport report = counter.close(Duration.ofSeconds(10));

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "bb", 2, "ccc", 3));
        assertThat(report).isEqualTo(new DrainReport(3, 0));
        assertThat(counter.submitted()).isEqualTo(3);
        assertThat(counter.completed()).isEqualTo(3);
    }

    @Test
    void textsQueuedWhileTheWorkerCountedReachTheirSinkInOneCall() throws Exception {
        counter = new AsyncTokenCounter("test", blockedUntilReleased, text -> 1, new TokenCounterSettings(1, 100));
        List<List<ExactCount<String>>> calls = new CopyOnWriteArrayList<>();
        ExactCountSink<String> sink = counts -> calls.add(List.copyOf(counts));
        counter.submit("first", "m0", sink);
        started.await();
        for (int i = 1; i <= 10; i++) {
            assertThat(counter.submit("x".repeat(i), "m" + i, sink)).isTrue();
        }

        release.countDown();
        DrainReport report = counter.close(Duration.ofSeconds(10));

        List<ExactCount<String>> queuedTogether = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            queuedTogether.add(new ExactCount<>("m" + i, i));
        }
        assertThat(calls).containsExactly(List.of(new ExactCount<>("m0", 5)), queuedTogether);
        assertThat(report).isEqualTo(new DrainReport(11, 0));
    }

    @Test
    void aBatchHoldsAtMostOneHundredCounts() throws Exception {
        counter = new AsyncTokenCounter("test", blockedUntilReleased, text -> 1, new TokenCounterSettings(1, 1000));
        List<Integer> callSizes = new CopyOnWriteArrayList<>();
        ExactCountSink<Integer> sink = counts -> callSizes.add(counts.size());
        counter.submit("first", 0, sink);
        started.await();
        for (int i = 1; i <= 250; i++) {
            counter.submit("text", i, sink);
        }

        release.countDown();
        counter.close(Duration.ofSeconds(10));

        assertThat(callSizes).containsExactly(1, 100, 100, 50);
        assertThat(counter.completed()).isEqualTo(251);
    }

    @Test
    void eachSinkGetsOnlyItsOwnCountsAndAFailingSinkFailsOnlyThose() throws Exception {
        counter = new AsyncTokenCounter("test", blockedUntilReleased, text -> 1, new TokenCounterSettings(1, 100));
        List<List<ExactCount<String>>> applied = new CopyOnWriteArrayList<>();
        ExactCountSink<String> working = counts -> applied.add(List.copyOf(counts));
        ExactCountSink<String> failing = counts -> {
            throw new IllegalStateException("Redis is gone");
        };
        counter.submit("first", "w0", working);
        started.await();
        counter.submit("a", "f1", failing);
        counter.submit("bb", "w1", working);
        counter.submit("ccc", "f2", failing);
        counter.submit("dddd", "w2", working);

        release.countDown();
        counter.close(Duration.ofSeconds(10));

        assertThat(applied).containsExactly(List.of(new ExactCount<>("w0", 5)),
                List.of(new ExactCount<>("w1", 2), new ExactCount<>("w2", 4)));
        assertThat(counter.completed()).isEqualTo(3);
        assertThat(counter.errors()).isEqualTo(2);
    }

    @Test
    void theEstimateComesFromTheEstimator() {
        counter = new AsyncTokenCounter("test", String::length, text -> 42, new TokenCounterSettings(1, 1));

        assertThat(counter.estimate("anything")).isEqualTo(42);
    }

    @Test
    void aFullQueueNeverBlocksAndCountsTheFallback() throws Exception {
        counter = new AsyncTokenCounter("test", blockedUntilReleased, text -> 1, new TokenCounterSettings(1, 1));
        assertThat(counter.submit("in the worker", exact -> { })).isTrue();
        started.await();
        assertThat(counter.submit("in the queue", exact -> { })).isTrue();

        boolean[] accepted = new boolean[100];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = counter.submit("overflow " + i, exact -> { });
            }
        });

        assertThat(accepted).containsOnly(false);
        assertThat(counter.fallbacks()).isEqualTo(100);
        assertThat(counter.submitted()).isEqualTo(2);
        assertThat(counter.queueDepth()).isEqualTo(1);
        assertThat(counter.queueCapacity()).isEqualTo(1);
    }

    @Test
    void closeDrainsWhatIsQueued() {
        counter = new AsyncTokenCounter("test", String::length, text -> 1, new TokenCounterSettings(1, 1000));
        List<Integer> counted = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 500; i++) {
            counter.submit("x".repeat(i), counted::add);
        }

        DrainReport report = counter.close(Duration.ofSeconds(30));

        assertThat(report.drained()).isTrue();
        assertThat(counted).hasSize(500);
        assertThat(counter.queueDepth()).isZero();
    }

    @Test
    void closeReportsWhatItCouldNotFinish() throws Exception {
        counter = new AsyncTokenCounter("test", blockedUntilReleased, text -> 1, new TokenCounterSettings(1, 10));
        for (int i = 0; i < 5; i++) {
            counter.submit("text " + i, exact -> { });
        }
        started.await();

        DrainReport report = counter.close(Duration.ofMillis(200));

        assertThat(report.drained()).isFalse();
        assertThat(report.unfinished()).isEqualTo(5);
    }

    @Test
    void submissionsAfterCloseFallBackToTheEstimate() {
        counter = new AsyncTokenCounter("test", String::length, text -> 1, new TokenCounterSettings(1, 10));
        counter.close(Duration.ofSeconds(10));

        assertThat(counter.submit("late", exact -> { })).isFalse();
        assertThat(counter.fallbacks()).isEqualTo(1);
    }

    @Test
    void failuresAreCountedAndTheWorkersGoOn() {
        counter = new AsyncTokenCounter("test", text -> {
            if (text.equals("bad")) {
                throw new IllegalStateException("cannot count");
            }
            return 1;
        }, text -> 1, new TokenCounterSettings(1, 10));
        List<Integer> counted = new CopyOnWriteArrayList<>();

        counter.submit("bad", counted::add);
        counter.submit("good", counted::add);
        counter.close(Duration.ofSeconds(10));

        assertThat(counter.errors()).isEqualTo(1);
        assertThat(counter.completed()).isEqualTo(1);
        assertThat(counted).containsExactly(1);
    }

    @Test
    void workersAreNamedDaemonThreads() {
        counter = new AsyncTokenCounter("memory", String::length, text -> 1, new TokenCounterSettings(3, 10));

        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("poolsight-token-counter-memory-")).toList();

        assertThat(workers).hasSize(3).allMatch(Thread::isDaemon);
        assertThat(counter.workers()).isEqualTo(3);
    }

    @Test
    void aCounterIsNoMBeanUntilItsOwnerRegistersIt() throws Exception {
        counter = new AsyncTokenCounter("unregistered-test", String::length, text -> 1, new TokenCounterSettings(1, 8));

        assertThat(ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("dev.poolsight:type=TokenCounter,name=unregistered-test*"), null)).isEmpty();
    }

    @Test
    void aRegisteredCounterShowsItsLiveStatisticsUntilTheRegistrationCloses() throws Exception {
        counter = new AsyncTokenCounter("mbean-test", String::length, text -> 1, new TokenCounterSettings(2, 64));
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name;
        try (TokenCounterMBean mbean = TokenCounterMBean.register(counter)) {
            name = mbean.objectName().orElseThrow();
            counter.submit("abcd", exact -> { });

            assertThat(name).isEqualTo(new ObjectName("dev.poolsight:type=TokenCounter,name=mbean-test"));
            assertThat(server.getAttribute(name, "QueueCapacity")).isEqualTo(64);
            assertThat(server.getAttribute(name, "Workers")).isEqualTo(2);
            assertThat(server.getAttribute(name, "SubmittedCount")).isEqualTo(1L);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
