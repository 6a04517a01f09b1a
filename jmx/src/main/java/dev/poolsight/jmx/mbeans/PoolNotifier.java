package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.LeakSuspect;
import dev.poolsight.jmx.PoolEvents;
import dev.poolsight.jmx.PoolRecorder;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * Sends one pool's notifications (see {@link PoolNotifications}), each kind at most once per interval.
 *
 * <p>Exhaustion: the recorder calls {@link #exhausted} on the thread whose borrow gave up. That thread only queues
 * the sending on Poolsight's JMX thread (at most one such task waits per pool, so a storm of exhaustions queues
 * one), which sends one notification that folds in the exhaustions since the last one, once the interval has
 * passed. Delivery to listeners is synchronous, as in any {@link NotificationBroadcasterSupport}, so listeners run
 * on the JMX thread, never on the application's.
 *
 * <p>Leaks: {@link #tick()}, once per window slice on the agent's ticker thread (through
 * {@link dev.poolsight.jmx.PoolRegistry#advanceWindows()}), lists the suspects and counts those that were not
 * suspects at the previous tick. The tick also sends exhaustions that were folded while the interval ran, so that
 * the last of a burst is reported even when no exhaustion follows.
 */
final class PoolNotifier implements PoolEvents {

    private final PoolRecorder recorder;
    private final ObjectName source;
    private final NotificationBroadcasterSupport emitter;
    private final LongSupplier nanoClock;
    private final Executor jmxThread;
    private final AtomicBoolean exhaustionQueued = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final FoldedEvents exhaustions;
    private final AtomicLong newSuspects = new AtomicLong();
    private final FoldedEvents leaks;
    /** The suspects at the previous tick, as {@code ClassName@identityHash}. Guarded by this. */
    private Set<String> suspected = Set.of();

    PoolNotifier(PoolRecorder recorder, ObjectName source, NotificationBroadcasterSupport emitter,
            Duration interval, LongSupplier nanoClock, Executor jmxThread) {
        this.jmxThread = jmxThread;
        this.recorder = recorder;
        this.source = source;
        this.emitter = emitter;
        this.nanoClock = nanoClock;
        long now = nanoClock.getAsLong();
        this.exhaustions = new FoldedEvents(recorder::exhaustionCount, interval, now);
        this.leaks = new FoldedEvents(newSuspects::get, interval, now);
    }

    @Override
    public void exhausted(PoolRecorder exhaustedRecorder) {
        if (exhaustionQueued.compareAndSet(false, true)) {
            jmxThread.execute(() -> {
                exhaustionQueued.set(false);
                sendExhaustions(nanoClock.getAsLong());
            });
        }
    }

    /** The periodic check: leak suspects, and exhaustions folded since the last notification. */
    synchronized void tick() {
        long now = nanoClock.getAsLong();
        sendExhaustions(now);
        if (recorder.leakThreshold().isZero()) {
            return;
        }
        List<LeakSuspect> suspects = recorder.leakSuspects();
        Set<String> current = new HashSet<>();
        for (LeakSuspect suspect : suspects) {
            current.add(suspect.object());
        }
        long fresh = current.stream().filter(object -> !suspected.contains(object)).count();
        suspected = current;
        newSuspects.addAndGet(fresh);
        long count = leaks.take(now);
        if (count > 0) {
            // Suspects come longest held first.
            LeakSuspect longest = suspects.isEmpty() ? null : suspects.get(0);
            send(PoolNotifications.leak(source, sequence.incrementAndGet(), recorder.name(),
                    recorder.leakThreshold(), count, suspects.size(),
                    longest == null ? 0 : longest.heldFor().toNanos() / 1e6,
                    longest == null ? "" : longest.threadName(),
                    longest == null ? "" : longest.stackTrace()));
        }
    }

    private void sendExhaustions(long now) {
        long count = exhaustions.take(now);
        if (count > 0) {
            send(PoolNotifications.exhausted(source, sequence.incrementAndGet(), recorder.name(), count,
                    recorder.exhaustionCount()));
        }
    }

    private void send(Notification notification) {
        try {
            emitter.sendNotification(notification);
        } catch (RuntimeException | LinkageError e) {
            AgentHealth.failure("send pool notification", e);
        }
    }
}
