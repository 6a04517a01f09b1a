package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.FakeGauges;

import dev.poolsight.jmx.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications reach a listener of a local MBean server synchronously, so no test has to wait for one. */
class PoolNotificationsTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry =
            new PoolRegistry(new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final PoolMBeans mbeans = PoolMBeans.install(registry, () -> server, INTERVAL, clock,
            Runnable::run);
    /** A field, so that the pool stays reachable: the registry holds it weakly. */
    private final Object pool = new Object();
    private final PoolRecorder recorder = registry.register(pool, "redis", new FakeGauges(8, 0, 4, 8, 8));
    private final ObjectName name = ObjectNames.pool("redis");
    private final List<Notification> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() throws Exception {
        server.addNotificationListener(name, (notification, handback) -> received.add(notification), null, null);
    }

    @AfterEach
    void uninstall() {
        mbeans.close();
    }

    private List<Notification> received(String type) {
        return received.stream().filter(notification -> notification.getType().equals(type)).toList();
    }

    private static CompositeData data(Notification notification) {
        return (CompositeData) notification.getUserData();
    }

    @Test
    void theFirstExhaustionIsNotifiedAtOnce() {
        recorder.borrowExhausted(5_000_000);

        assertThat(received(PoolNotifications.EXHAUSTED)).singleElement().satisfies(notification -> {
            assertThat(notification.getSource()).isEqualTo(name);
            assertThat(data(notification).get(PoolNotifications.POOL)).isEqualTo("redis");
            assertThat(data(notification).get(PoolNotifications.COUNT)).isEqualTo(1L);
            assertThat(data(notification).get(PoolNotifications.TOTAL)).isEqualTo(1L);
            assertThat(notification.getMessage()).contains("redis", "exhausted 1 time(s)");
        });
    }

    @Test
    void exhaustionsWithinTheIntervalAreFoldedIntoTheNextNotification() {
        recorder.borrowExhausted(0);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(2));
            recorder.borrowExhausted(0);
        }
        assertThat(received(PoolNotifications.EXHAUSTED)).hasSize(1);

        clock.advance(Duration.ofSeconds(2)); // 10 s after the first
        recorder.borrowExhausted(0);

        List<Notification> exhausted = received(PoolNotifications.EXHAUSTED);
        assertThat(exhausted).hasSize(2);
        assertThat(data(exhausted.get(1)).get(PoolNotifications.COUNT)).isEqualTo(5L);
        assertThat(data(exhausted.get(1)).get(PoolNotifications.TOTAL)).isEqualTo(6L);
        assertThat(exhausted.get(1).getMessage()).contains("exhausted 5 time(s)", "6 since start");
        assertThat(exhausted.get(1).getSequenceNumber()).isGreaterThan(exhausted.get(0).getSequenceNumber());
    }

    @Test
    void theTickSendsExhaustionsFoldedAtTheEndOfABurst() {
        recorder.borrowExhausted(0);
        recorder.borrowExhausted(0);
        recorder.borrowExhausted(0);

        registry.advanceWindows();
        assertThat(received(PoolNotifications.EXHAUSTED)).as("still within the interval").hasSize(1);
        clock.advance(INTERVAL);
        registry.advanceWindows();

        List<Notification> exhausted = received(PoolNotifications.EXHAUSTED);
        assertThat(exhausted).hasSize(2);
        assertThat(data(exhausted.get(1)).get(PoolNotifications.COUNT)).isEqualTo(2L);
    }

    @Test
    void aTickWithoutNewExhaustionsSendsNothingAndDoesNotDelayTheNext() {
        recorder.borrowExhausted(0);
        clock.advance(INTERVAL);

        registry.advanceWindows();
        recorder.borrowExhausted(0);

        List<Notification> exhausted = received(PoolNotifications.EXHAUSTED);
        assertThat(exhausted).hasSize(2);
        assertThat(data(exhausted.get(1)).get(PoolNotifications.COUNT)).isEqualTo(1L);
    }

    @Test
    void anObjectHeldPastTheThresholdIsNotifiedAtTheNextTick() {
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(31));

        registry.advanceWindows();

        assertThat(received(PoolNotifications.LEAK)).singleElement().satisfies(notification -> {
            CompositeData data = data(notification);
            assertThat(data.get(PoolNotifications.COUNT)).isEqualTo(1L);
            assertThat(data.get(PoolNotifications.SUSPECTS)).isEqualTo(1);
            assertThat(data.get(PoolNotifications.LONGEST_HELD_MILLIS)).isEqualTo(31_000.0);
            assertThat(data.get(PoolNotifications.THREAD_NAME)).isEqualTo(Thread.currentThread().getName());
            assertThat((String) data.get(PoolNotifications.STACK_TRACE)).startsWith("at " + getClass().getName());
            assertThat(notification.getMessage()).contains("1 new leak suspect(s)", "longer than 30 s");
        });
    }

    @Test
    void aSuspectIsCountedOnceHoweverManyTicksItStaysOut() {
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(31));
        registry.advanceWindows();

        clock.advance(INTERVAL);
        registry.advanceWindows();
        clock.advance(INTERVAL);
        registry.advanceWindows();

        assertThat(received(PoolNotifications.LEAK)).hasSize(1);
    }

    @Test
    void newSuspectsWithinTheIntervalAreFoldedIntoTheNextLeakNotification() {
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(1));
        recorder.borrowSucceeded(new Object(), 0);
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(30)); // the first is a suspect: notified
        registry.advanceWindows();
        clock.advance(Duration.ofSeconds(5)); // the other two are now, within the interval: folded
        registry.advanceWindows();
        assertThat(received(PoolNotifications.LEAK)).hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        registry.advanceWindows();

        List<Notification> leaks = received(PoolNotifications.LEAK);
        assertThat(leaks).hasSize(2);
        assertThat(data(leaks.get(1)).get(PoolNotifications.COUNT)).isEqualTo(2L);
        assertThat(data(leaks.get(1)).get(PoolNotifications.SUSPECTS)).isEqualTo(3);
        assertThat(data(leaks.get(1)).get(PoolNotifications.LONGEST_HELD_MILLIS)).isEqualTo(41_000.0);
    }

    @Test
    void noLeakNotificationWithoutLeakDetection() throws Exception {
        registry.configure(Duration.ofSeconds(60), null);
        Object undetectedPool = new Object[0];
        PoolRecorder undetected = registry.register(undetectedPool, "undetected", new FakeGauges(0, 0, 0, 8, 8));
        List<Notification> heard = new CopyOnWriteArrayList<>();
        server.addNotificationListener(ObjectNames.pool("undetected"), (n, h) -> heard.add(n), null, null);
        undetected.borrowSucceeded(new Object(), 0);

        clock.advance(Duration.ofHours(1));
        registry.advanceWindows();

        assertThat(heard).isEmpty();
        assertThat(registry.recorderFor(undetectedPool)).isSameAs(undetected);
    }

    @Test
    void aClosedPoolSendsNoMoreNotifications() {
        registry.unregister(pool);

        recorder.borrowExhausted(0);

        assertThat(received).isEmpty();
    }
}
