package dev.poolsight.bench;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the asynchronous counter drains a backlog of messages, against raw jtokkit on the same number of
 * worker threads (a thread pool's own queue): the overhead of the queue, the job records and the statistics.
 * Messages per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class DrainBenchmark {

    private static final int BATCH = 256;

    @Param({"1024"})
    public int size;

    private String[] texts;
    private AsyncTokenCounter counter;
    private ExecutorService rawWorkers;
    private Encoding encoding;
    private CountDownLatch previousBatch = new CountDownLatch(0);

    @Setup(Level.Trial)
    public void setUp() {
        TokenCounterSettings settings = TokenCounterSettings.defaults();
        counter = new AsyncTokenCounter("bench", ExactTokenCounter.forEncoding("o200k_base"), new TokenEstimator(),
                new TokenCounterSettings(settings.workers(), BATCH * 3));
        rawWorkers = Executors.newFixedThreadPool(settings.workers());
        encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        texts = new String[BATCH];
        for (int i = 0; i < BATCH; i++) {
            texts[i] = i + " " + BenchTexts.english(size);
        }
    }

    /*
     * Each invocation queues a batch and then waits for the batch before it, so that the workers always have a
     * batch to go on with: the drain rate is how fast a backlog goes, not how fast idle workers notice new work.
     */

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void asyncCounter() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (String text : texts) {
            if (!counter.submit(text, count -> done.countDown())) {
                throw new IllegalStateException("the queue holds three batches; a refusal means a lost count");
            }
        }
        awaitPreviousAndKeep(done);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void rawJtokkitOnTheSameWorkers() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(BATCH);
        for (String text : texts) {
            rawWorkers.execute(() -> {
                encoding.countTokensOrdinary(text);
                done.countDown();
            });
        }
        awaitPreviousAndKeep(done);
    }

    private void awaitPreviousAndKeep(CountDownLatch current) throws InterruptedException {
        previousBatch.await();
        previousBatch = current;
    }

    /** The last batch of an iteration is waited for outside the timing, so that iterations do not overlap. */
    @TearDown(Level.Iteration)
    public void finishLastBatch() throws InterruptedException {
        previousBatch.await();
        previousBatch = new CountDownLatch(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        counter.close(Duration.ofSeconds(30));
        rawWorkers.shutdown();
    }
}
