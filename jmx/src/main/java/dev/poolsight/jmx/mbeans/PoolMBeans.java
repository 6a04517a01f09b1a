package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.LongSupplier;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;

/**
 * Keeps one {@link PoolMXBean} registered per pool of a {@link PoolRegistry}: registered when the pool is, under
 * {@link ObjectNames#pool}, and unregistered when the pool is closed or collected.
 *
 * <p>The agent calls {@link #install} once at start with the platform MBean server. Registering, unregistering
 * and notifying happen on Poolsight's own thread ({@value JmxThread#NAME}), never on the application thread that
 * builds, closes or exhausts a pool: the registry's listener only queues the work. A failure to register or
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
    private final Supplier<MBeanServer> serverSupplier;
    private final Duration notificationInterval;
    private final LongSupplier nanoClock;
    private final Executor jmxThread;
    private final Map<PoolRecorder, Registered> registered = new ConcurrentHashMap<>();
    private final Map<PoolRecorder, ObjectName> redisCommands = new ConcurrentHashMap<>();
    /** What else {@link #close()} ends: the JMX thread this installation made, if it made one. */
    private Runnable onClose = () -> { };
    /** Made on the JMX thread, at its first task: making the platform MBean server starts JMX and its logging. */
    private MBeanServer server;
    private final PoolRegistry.Listener listener = new PoolRegistry.Listener() {
        @Override
        public void registered(PoolRecorder recorder) {
            jmxThread.execute(() -> register(recorder));
        }

        @Override
        public void unregistered(PoolRecorder recorder) {
            jmxThread.execute(() -> unregister(recorder));
        }

        @Override
        public void windowsAdvanced() {
            tick();
        }
    };

    private PoolMBeans(PoolRegistry registry, Supplier<MBeanServer> server, Duration notificationInterval,
            LongSupplier nanoClock, Executor jmxThread) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.serverSupplier = Objects.requireNonNull(server, "server");
        this.jmxThread = Objects.requireNonNull(jmxThread, "jmxThread");
        this.notificationInterval = Objects.requireNonNull(notificationInterval, "notificationInterval");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        if (notificationInterval.isNegative()) {
            throw new IllegalArgumentException("notificationInterval=" + notificationInterval
                    + ": the least time between two notifications must be zero or more, for example 10s");
        }
    }

    /**
     * Registers an MBean for every pool of {@code registry}, now and from now on, on the server {@code server}
     * gives, which is asked for once, on Poolsight's JMX thread; in production
     * {@code PoolMBeans.install(PoolRegistry.global(), ManagementFactory::getPlatformMBeanServer)}, once.
     * Installing twice on one server leaves the second without MBeans (their names are taken), counted in
     * {@link AgentHealth}.
     *
     * @return the installation, whose {@link #close()} unregisters everything it registered
     */
    public static PoolMBeans install(PoolRegistry registry, Supplier<MBeanServer> server) {
        JmxThread jmxThread = new JmxThread();
        PoolMBeans mbeans = install(registry, server, NOTIFICATION_INTERVAL, System::nanoTime, jmxThread);
        mbeans.onClose = jmxThread::close;
        return mbeans;
    }

    /**
     * {@link #install(PoolRegistry, Supplier)} with another notification interval, clock and thread, for tests
     * ({@code Runnable::run} does the JMX work on the caller's thread).
     */
    static PoolMBeans install(PoolRegistry registry, Supplier<MBeanServer> server, Duration notificationInterval,
            LongSupplier nanoClock, Executor jmxThread) {
        PoolMBeans mbeans = new PoolMBeans(registry, server, notificationInterval, nanoClock, jmxThread);
        registry.addListener(mbeans.listener);
        return mbeans;
    }

    /** Stops following the registry and unregisters, on the JMX thread, every MBean this installation registered. */
    @Override
    public void close() {
        registry.removeListener(listener);
        jmxThread.execute(() -> registered.keySet().forEach(this::unregister));
        onClose.run();
    }

    private MBeanServer server() {
        if (server == null) {
            server = serverSupplier.get();
        }
        return server;
    }

    private void register(PoolRecorder recorder) {
        try {
            MBeanServer server = server();
            ObjectName name = ObjectNames.pool(recorder.name());
            NotificationBroadcasterSupport emitter =
                    new NotificationBroadcasterSupport(PoolNotifications.infos(notificationInterval));
            PoolNotifier notifier = new PoolNotifier(recorder, name, emitter, notificationInterval, nanoClock,
                    jmxThread);
            Descriptions descriptions = new Descriptions(PoolMXBean.class, Map.of(
                    "window", Descriptions.describe(recorder.window()),
                    "leakThreshold", recorder.leakThreshold().isZero()
                            ? "off" : Descriptions.describe(recorder.leakThreshold())));
            server.registerMBean(new PoolDynamicMBean(new PoolMBean(recorder), emitter, descriptions), name);
            registered.put(recorder, new Registered(name, notifier));
            recorder.setEvents(notifier);
            recorder.onRedisCommands(pool -> jmxThread.execute(() -> registerRedisCommands(pool)));
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
        recorder.onRedisCommands(null);
        try {
            server().unregisterMBean(gone.name());
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("unregister pool MBean", e);
        }
        ObjectName commands = redisCommands.remove(recorder);
        if (commands != null) {
            try {
                server().unregisterMBean(commands);
            } catch (JMException | RuntimeException | LinkageError e) {
                AgentHealth.failure("unregister Redis commands MBean", e);
            }
        }
    }

    /** On the JMX thread, once the pool has sent its first Redis command, unless it has been closed since. */
    private void registerRedisCommands(PoolRecorder recorder) {
        if (!registered.containsKey(recorder) || redisCommands.containsKey(recorder)) {
            return;
        }
        try {
            ObjectName name = ObjectNames.redisCommands(recorder.name());
            Descriptions descriptions = new Descriptions(RedisCommandsMXBean.class,
                    Map.of("window", Descriptions.describe(recorder.window())));
            server().registerMBean(new DescribedMBean<>(new RedisCommandsMBean(recorder), RedisCommandsMXBean.class,
                    descriptions), name);
            redisCommands.put(recorder, name);
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("register Redis commands MBean", e);
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
