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
    private static final Job STOP = new Job("", count -> { }, 0);
    private static final long MIN_IDLE_MICROS = 1_000;
    private static final long MAX_IDLE_MICROS = 10_000;

    private final String name;
    private final TokenCounter exact;
    private final TokenCounter estimator;
    private final int queueCapacity;
    private final BlockingQueue<Job> queue;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean errorLogged = new AtomicBoolean();

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
        for (int i = 1; i <= settings.workers(); i++) {
            Thread worker = new Thread(this::work, "poolsight-token-counter-" + name + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
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
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(onExact, "onExact is null");
        if (closed.get() || !queue.offer(new Job(text, onExact, System.nanoTime()))) {
            fallbacks.increment();
            return false;
        }
        submitted.increment();
        return true;
    }

    private void work() {
        long idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
        while (!Thread.currentThread().isInterrupted()) {
            Job job = queue.poll();
            if (job == STOP) {
                return;
            }
            if (job == null) {
                LockSupport.parkNanos(this, idleNanos);
                idleNanos = Math.min(idleNanos * 2, TimeUnit.MICROSECONDS.toNanos(MAX_IDLE_MICROS));
            } else {
                idleNanos = TimeUnit.MICROSECONDS.toNanos(MIN_IDLE_MICROS);
                run(job);
            }
        }
    }

    private void run(Job job) {
        try {
            job.onExact().accept(exact.count(job.text()));
            completed.increment();
        } catch (RuntimeException e) {
            errors.increment();
            if (errorLogged.compareAndSet(false, true)) {
                LOG.warn("Exact token counting failed in counter {}; the message keeps its estimate."
                        + " Further failures are only counted (see the errors statistic)", name, e);
            }
        } finally {
            long latency = System.nanoTime() - job.submittedAt();
            latencyNanos.add(latency);
            maxLatencyNanos.accumulateAndGet(latency, Math::max);
        }
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
        try {
            for (int i = 0; i < workers.size(); i++) {
                if (!queue.offer(STOP, remaining(deadline), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
            workers.forEach(LockSupport::unpark);
            for (Thread worker : workers) {
                TimeUnit.NANOSECONDS.timedJoin(worker, remaining(deadline));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        long unfinished = left.stream().filter(job -> job != STOP).count();
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                worker.interrupt();
                unfinished++;
            }
        }
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

    private record Job(String text, IntConsumer onExact, long submittedAt) {
    }
}
