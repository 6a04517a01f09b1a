package dev.poolsight.jmx.mbeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.poolsight.jmx.FakeGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.MBeanServerNotification;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JMX work for a pool happens on Poolsight's own thread, never on the application thread that builds, closes or
 * exhausts the pool. The MBean server runs listeners on the thread that registers an MBean or sends a notification,
 * so the listeners here see which thread that was.
 */
class JmxThreadTest {

    private final PoolRegistry registry = new PoolRegistry(RecorderSettings.defaults(), System::nanoTime);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<String> registeringThreads = new CopyOnWriteArrayList<>();
    private final List<String> notifyingThreads = new CopyOnWriteArrayList<>();
    /** A field, so that the pool stays reachable: the registry holds it weakly. */
    private final Object pool = new Object();
    private PoolMBeans mbeans;

    @BeforeEach
    void install() throws Exception {
        server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, (notification, handback) -> {
            if (notification.getType().equals(MBeanServerNotification.REGISTRATION_NOTIFICATION)) {
                registeringThreads.add(Thread.currentThread().getName());
            }
        }, null, null);
        mbeans = PoolMBeans.install(registry, () -> server);
    }

    @AfterEach
    void uninstall() {
        mbeans.close();
    }

    @Test
    void aPoolsMBeanIsRegisteredOnPoolsightsThread() {
        registry.register(pool, "redis", new FakeGauges());

        await().atMost(Duration.ofSeconds(10)).until(() -> server.isRegistered(ObjectNames.pool("redis")));
        assertThat(registeringThreads).containsExactly(JmxThread.NAME);
    }

    @Test
    void theExhaustionNotificationIsSentOnPoolsightsThread() throws Exception {
        PoolRecorder recorder = registry.register(pool, "redis", new FakeGauges());
        ObjectName name = ObjectNames.pool("redis");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.isRegistered(name));
        server.addNotificationListener(name, (notification, handback) ->
                notifyingThreads.add(Thread.currentThread().getName()), null, null);

        recorder.borrowExhausted(1_000_000);

        await().atMost(Duration.ofSeconds(10)).until(() -> !notifyingThreads.isEmpty());
        assertThat(notifyingThreads).containsExactly(JmxThread.NAME);
    }

    @Test
    void closingThePoolUnregistersItsMBeanOnPoolsightsThread() {
        registry.register(pool, "redis", new FakeGauges());
        ObjectName name = ObjectNames.pool("redis");
        await().atMost(Duration.ofSeconds(10)).until(() -> server.isRegistered(name));

        registry.unregister(pool);

        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isRegistered(name));
    }
}
