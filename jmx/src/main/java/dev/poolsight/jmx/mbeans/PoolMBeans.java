package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * Keeps one {@link PoolMXBean} registered per pool of a {@link PoolRegistry}: registered when the pool is, under
 * {@link ObjectNames#pool}, and unregistered when the pool is closed or collected.
 *
 * <p>The agent calls {@link #install} once at start with the platform MBean server. A failure to register or
 * unregister (a name already taken by someone else, a security manager) is counted in {@link AgentHealth} and
 * never reaches the host: the pool works as before, only without its MBean.
 *
 * <p>It also drives the notifications: it hooks each recorder's exhaustions (see
 * {@link PoolRecorder#setEvents}) and checks for leak suspects on the registry's periodic tick,
 * {@link PoolRegistry#advanceWindows()}, which the agent runs once per window slice (every 10 s by default).
 */
public final class PoolMBeans implements AutoCloseable {

    /** The least time between two notifications of one kind for one pool. */
    static final Duration NOTIFICATION_INTERVAL = Duration.ofSeconds(10);

    private final PoolRegistry registry;
    private final MBeanServer server;
    private final Duration notificationInterval;
    private final LongSupplier nanoClock;
    private final Map<PoolRecorder, Registered> registered = new ConcurrentHashMap<>();
    private final PoolRegistry.Listener listener = new PoolRegistry.Listener() {
        @Override
        public void registered(PoolRecorder recorder) {
            register(recorder);
        }

        @Override
        public void unregistered(PoolRecorder recorder) {
            unregister(recorder);
        }

        @Override
        public void windowsAdvanced() {
            tick();
        }
    };

    private PoolMBeans(PoolRegistry registry, MBeanServer server, Duration notificationInterval,
            LongSupplier nanoClock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.server = Objects.requireNonNull(server, "server");
        this.notificationInterval = Objects.requireNonNull(notificationInterval, "notificationInterval");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (notificationInterval.isNegative()) {
            throw new IllegalArgumentException("notificationInterval=" + notificationInterval
                    + ": the least time between two notifications must be zero or more, for example 10s");
        }
    }

    /**
     * Registers an MBean for every pool of {@code registry}, now and from now on, on {@code server}; in production
     * {@code PoolMBeans.install(PoolRegistry.global(), ManagementFactory.getPlatformMBeanServer())}, once.
     * Installing twice on one server leaves the second without MBeans (their names are taken), counted in
     * {@link AgentHealth}.
     *
     * @return the installation, whose {@link #close()} unregisters everything it registered
     */
    public static PoolMBeans install(PoolRegistry registry, MBeanServer server) {
        return install(registry, server, NOTIFICATION_INTERVAL, System::nanoTime);
    }

    /** {@link #install(PoolRegistry, MBeanServer)} with another notification interval and clock, for tests. */
    static PoolMBeans install(PoolRegistry registry, MBeanServer server, Duration notificationInterval,
            LongSupplier nanoClock) {
        PoolMBeans mbeans = new PoolMBeans(registry, server, notificationInterval, nanoClock);
        registry.addListener(mbeans.listener);
        return mbeans;
    }

    /** Stops following the registry and unregisters every MBean this installation registered. */
    @Override
    public void close() {
        registry.removeListener(listener);
        registered.keySet().forEach(this::unregister);
    }

    private void register(PoolRecorder recorder) {
        try {
            ObjectName name = ObjectNames.pool(recorder.name());
            NotificationBroadcasterSupport emitter =
                    new NotificationBroadcasterSupport(PoolNotifications.infos(notificationInterval));
            PoolNotifier notifier = new PoolNotifier(recorder, name, emitter, notificationInterval, nanoClock);
            Descriptions descriptions = new Descriptions(PoolMXBean.class, Map.of(
                    "window", Descriptions.describe(recorder.window()),
                    "leakThreshold", recorder.leakThreshold().isZero()
                            ? "off" : Descriptions.describe(recorder.leakThreshold())));
            server.registerMBean(new PoolDynamicMBean(new PoolMBean(recorder), emitter, descriptions), name);
            registered.put(recorder, new Registered(name, notifier));
            recorder.setEvents(notifier);
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("register pool MBean", e);
        }
    }

    private void unregister(PoolRecorder recorder) {
        Registered gone = registered.remove(recorder);
        if (gone == null) {
            return; // its registration failed, and was counted then
        }
        recorder.clearEvents(gone.notifier());
        try {
            server.unregisterMBean(gone.name());
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("unregister pool MBean", e);
        }
    }

    private void tick() {
        for (Registered pool : registered.values()) {
            try {
                pool.notifier().tick();
            } catch (RuntimeException | LinkageError e) {
                AgentHealth.failure("pool notifications tick", e);
            }
        }
    }

    /** A pool's MBean as registered: its name, to unregister it, and its notifier, to tick it and unhook it. */
    private record Registered(ObjectName name, PoolNotifier notifier) {
    }
}
