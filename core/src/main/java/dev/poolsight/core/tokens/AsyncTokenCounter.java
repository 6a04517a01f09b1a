package dev.poolsight.core.tokens;

import dev.poolsight.core.config.TokenCounterSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes exact token counting off the append path: the caller stores a fast {@link #estimate(String)} at once and
 * {@link #submit submits} the text; dedicated daemon workers count it exactly and hand the count on.
 *
 * <p>{@code submit} never blocks: when the bounded queue is full it returns {@code false}, the estimate stays and
 * the fallback is counted. {@link #close(Duration)} lets the workers finish what is queued, within a timeout.
 *
 * <p>A worker takes what is queued, up to {@value #MAX_BATCH} texts (with several workers, its share of the queue),
 * counts each and hands the counts to their {@link ExactCountSink}s, one call per sink with all of its counts: a store
 * applies them with one round trip and one script call instead of one per text, so a worker that falls behind
 * catches up by counting, not by waiting for Redis, and borrows from the pool it shares with the application far
 * less often.
 *
 * <p>{@code submit} does not wake a worker either. Idle workers look at the queue again after a pause that grows
 * from {@value #MIN_IDLE_MICROS} us to {@value #MAX_IDLE_MICROS} us, and a busy worker takes the next job without
 * pausing. Signalling a parked worker would put a system call on the append path, and on a machine with few cores
 * the woken worker tends to be scheduled on the appending thread's core, which then waits for it: measured, that
 * cost an append more than the estimate and the round trip to Redis together. The shortest pause is a whole
 * millisecond so that a worker that has just finished does not wake again while the next append is under way.
 * The price is that an exact count can arrive up to {@value #MAX_IDLE_MICROS} us later after a quiet spell, and
 * that an idle worker wakes about a hundred times a second.
 *
 * <p>Its statistics ({@link TokenCounterStats}) become the MBean {@code dev.poolsight:type=TokenCounter,name=<name>}
 * only when its owner registers them with {@link TokenCounterMBean#register}.
 */
public final class AsyncTokenCounter implements TokenCounterStats, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncTokenCounter.class);
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long MIN_IDLE_MICROS = 1_000;
    private static final long MAX_IDLE_MICROS = 10_000;
    /** Enough to make a round trip per batch negligible, few enough that one script call does not hold Redis long. */
    private static final int MAX_BATCH = 100;

    private final String name;
    private final TokenCounter exact;
    private final TokenCounter estimator;
    private final int queueCapacity;
    /** The number of workers, fixed before they start, for a worker's share of the queue. */
    private final int workerCount;
    private final BlockingQueue<Job<?>> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean errorLogged = new AtomicBoolean();

    private final LongAdder countedAtOnce = new LongAdder();
    private final LongAdder submitted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicLong maxLatencyNanos = new AtomicLong();

    /**
     * @param name      tells this counter apart in thread names and monitoring, such as {@code memory}
     * @param exact     the exact counter the workers run, typically {@link ExactTokenCounter}
     * @param estimator the fast guess stored at append time
     */
    public AsyncTokenCounter(String name, TokenCounter exact, TokenCounter estimator, TokenCounterSettings settings) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.exact = Objects.requireNonNull(exact, "exact is null");
        this.estimator = Objects.requireNonNull(estimator, "estimator is null");
        Objects.requireNonNull(settings, "settings is null");
        this.queueCapacity = settings.queueCapacity();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.workerCount = settings.workers();
        for (int i = 1; i <= settings.workers(); i++) {
            Thread worker = new Thread(this::work, "poolsight-token-counter-" + name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /**
     * The exact count of {@code text} when the exact counter knows it without counting ({@link
     * TokenCounter#countIfKnown}: every chunk of the text counted lately), for an append to store at once instead of
     * an estimate and a second write; {@link TokenCounter#UNKNOWN} otherwise, and the caller estimates and submits.
     */
    public int countIfKnown(String text) {
        Objects.requireNonNull(text, "text is null");
        int known = exact.countIfKnown(text);
        if (known != TokenCounter.UNKNOWN) {
            countedAtOnce.increment();
        }
        return known;
    }

    /** The fast estimate an append stores before the exact count is known. */
    public int estimate(String text) {
        Objects.requireNonNull(text, "text is null");
        return estimator.count(text);
    }

    /**
     * Queues {@code text} for an exact count, handed to {@code onExact} on a worker thread. Never blocks.
     *
     * @return {@code false} when the queue is full or the counter closed: the caller keeps its estimate
     */
    public boolean submit(String text, IntConsumer onExact) {
        Objects.requireNonNull(onExact, "onExact is null");
        // A sink of its own, so that a failing callback fails no other text's count.
        return submit(text, onExact, counts -> counts.forEach(count -> count.target().accept(count.tokens())));
    }

    /**
     * Queues {@code text} for an exact count, handed to {@code sink} with {@code target} on a worker thread, together
     * with the other counts for the same sink that the worker took at the same time. Never blocks.
     *
     * @return {@code false} when the queue is full or the counter closed: the caller keeps its estimate
     */
    public <T> boolean submit(String text, T target, ExactCountSink<T> sink) {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(sink, "sink is null");
        if (closed.get() || !queue.offer(new Job<>(text, target, sink, System.nanoTime()))) {
            fallbacks.increment();
            return false;
        }
        submitted.increment();
        return true;
    }

    /**
     * Loads what the estimate loads at first need, here rather than on the append that first needs it (the estimator's
     * vocabularies: 0.1 to 0.3 s). A failure is left for that append, which meets it too and reports it to its caller.
     */
    private void prepareEstimator() {
        try {
            estimator.prepare();
        } catch (RuntimeException | LinkageError e) {
            // the estimate fails the same way on the appending thread, where the caller sees it
        }
    }

    /** Runs until the counter is closed and the queue empty, or until {@link #close(Duration)} gives up on it. */
    private void work() {
        prepareEstimator();
        long idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
        List<Job<?>> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            boolean closing = closed.get();
            Job<?> first = queue.poll();
            if (first == null) {
                if (closing) {
                    return;
                }
                LockSupport.parkNanos(this, idleNanos);
                idleNanos = Math.min(idleNanos * 2, TimeUnit.MICROSECONDS.toNanos(MAX_IDLE_MICROS));
            } else {
                idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
                batch.add(first);
                queue.drainTo(batch, Math.min(MAX_BATCH, queue.size() / workerCount + 1) - 1);
                run(batch);
                batch.clear();
            }
        }
    }

    /** Counts every text of the batch, then hands each sink its counts in one call. */
    private void run(List<Job<?>> batch) {
        List<SinkCounts<?>> bySink = new ArrayList<>(1);
        for (Job<?> job : batch) {
            try {
                int tokens = exact.count(job.text());
                countsOf(bySink, job).add(job, tokens);
            } catch (RuntimeException e) {
                failed(1, e);
                recordLatency(job);
            }
        }
        for (SinkCounts<?> counts : bySink) {
            try {
                counts.hand();
                completed.add(counts.jobs.size());
            } catch (RuntimeException e) {
                failed(counts.jobs.size(), e);
            } finally {
                counts.jobs.forEach(this::recordLatency);
            }
        }
    }

    /** Few sinks in a batch, most often one: a search by identity beats a map. */
    private static SinkCounts<?> countsOf(List<SinkCounts<?>> bySink, Job<?> job) {
        for (SinkCounts<?> counts : bySink) {
            if (counts.sink == job.sink()) {
                return counts;
            }
        }
        SinkCounts<?> counts = new SinkCounts<>(job.sink());
        bySink.add(counts);
        return counts;
    }

    private void failed(int texts, RuntimeException e) {
        errors.add(texts);
        if (errorLogged.compareAndSet(false, true)) {
            LOG.warn("Exact token counting failed in counter {}; the message keeps its estimate."
                    + " Further failures are only counted (see the errors statistic)", name, e);
        }
    }

    private void recordLatency(Job<?> job) {
        long latency = System.nanoTime() - job.submittedAt();
        latencyNanos.add(latency);
        maxLatencyNanos.accumulateAndGet(latency, Math::max);
    }

    /** Stops accepting work and waits up to 10 seconds for the queue to drain. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Stops accepting work (later submissions fall back to the estimate) and lets the workers finish what is
     * queued, waiting at most {@code timeout}. Work left after it is dropped and reported.
     */
    public DrainReport close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!closed.compareAndSet(false, true)) {
            return new DrainReport(completed.sum(), 0);
        }
        workers.forEach(LockSupport::unpark);
        try {
            for (Thread worker : workers) {
                TimeUnit.NANOSECONDS.timedJoin(worker, remaining(deadline));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Still queued, or taken by a worker that did not finish them in time; taken before the interrupt, which
        // may let a worker hurry through its batch.
        long unfinished = Math.max(0, submitted.sum() - completed.sum() - errors.sum());
        workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        queue.clear();
        if (unfinished > 0) {
            LOG.warn("Token counter {} closed with {} messages not counted exactly; they keep their estimates",
                    name, unfinished);
        }
        return new DrainReport(completed.sum(), unfinished);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    @Override
    public int queueCapacity() {
        return queueCapacity;
    }

    @Override
    public int workers() {
        return workers.size();
    }

    @Override
    public long countedAtOnce() {
        return countedAtOnce.sum();
    }

    @Override
    public long submitted() {
        return submitted.sum();
    }

    @Override
    public long completed() {
        return completed.sum();
    }

    @Override
    public long fallbacks() {
        return fallbacks.sum();
    }

    @Override
    public long errors() {
        return errors.sum();
    }

    @Override
    public double meanLatencyMillis() {
        long done = completed.sum() + errors.sum();
        return done == 0 ? 0 : latencyNanos.sum() / (double) done / 1e6;
    }

    @Override
    public double maxLatencyMillis() {
        return maxLatencyNanos.get() / 1e6;
    }

    private record Job<T>(String text, T target, ExactCountSink<T> sink, long submittedAt) {
    }

    /** One sink's share of a batch. */
    private static final class SinkCounts<T> {

        private final ExactCountSink<T> sink;
        private final List<Job<?>> jobs = new ArrayList<>();
        private final List<ExactCount<T>> counts = new ArrayList<>();

        SinkCounts(ExactCountSink<T> sink) {
            this.sink = sink;
        }

        @SuppressWarnings("unchecked") // every job added has this sink, hence this target type
        void add(Job<?> job, int tokens) {
            jobs.add(job);
            counts.add(new ExactCount<>((T) job.target(), tokens));
        }

        void hand() {
            sink.accept(counts);
        }
    }
}
