package dev.poolsight.core.memory;

import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A memory store's {@link MemoryOperationTimes} registered as the MXBean
 * {@code dev.poolsight:type=MemoryStore,name=<name>}, until {@link #close() closed}. Opt-in, as HikariCP's
 * {@code registerMbeans} is:
 * <pre>{@code
 * try (RedisConversationMemory memory = RedisConversationMemory.create(settings, options);
 *         MemoryStoreMBean mbean = MemoryStoreMBean.register("memory", memory.operationTimes())) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Registering never throws for a JMX reason: a failure is logged as a warning and the handle has no
 * {@link #objectName()}. A name taken already gets {@code -2}, {@code -3}, and so on.
 */
public final class MemoryStoreMBean implements AutoCloseable {

    /** The JMX domain and type of every memory store MBean. */
    public static final String DOMAIN_AND_TYPE = "dev.poolsight:type=MemoryStore";

    private static final Logger LOG = LoggerFactory.getLogger(MemoryStoreMBean.class);
    private static final int MAX_SUFFIX = 100;

    private final MBeanServer server;
    private final ObjectName objectName;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MemoryStoreMBean(MBeanServer server, ObjectName objectName) {
        this.server = server;
        this.objectName = objectName;
    }

    /** Registers the store's times on the platform MBean server, where JConsole, VisualVM and Jolokia look. */
    public static MemoryStoreMBean register(String name, MemoryOperationTimes times) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(times, "times is null");
        try {
            return register(name, times, ManagementFactory.getPlatformMBeanServer());
        } catch (RuntimeException | LinkageError e) {
            return failed(name, e);
        }
    }

    /** Registers the store's times on {@code server}; close the handle when the store closes. */
    public static MemoryStoreMBean register(String name, MemoryOperationTimes times, MBeanServer server) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(times, "times is null");
        Objects.requireNonNull(server, "server is null");
        try {
            StandardMBean mbean = new StandardMBean(new Attributes(name, times), MemoryStoreMXBean.class, true);
            for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
                ObjectName objectName = objectName(suffix == 1 ? name : name + "-" + suffix);
                try {
                    server.registerMBean(mbean, objectName);
                    return new MemoryStoreMBean(server, objectName);
                } catch (InstanceAlreadyExistsException taken) {
                    // Try the next suffix.
                }
            }
            throw new InstanceAlreadyExistsException(
                    objectName(name) + " and " + (MAX_SUFFIX - 1) + " suffixed names are all taken");
        } catch (JMException | RuntimeException | LinkageError e) {
            return failed(name, e);
        }
    }

    private static MemoryStoreMBean failed(String name, Throwable e) {
        LOG.warn("The MBean of memory store {} could not be registered; the store works on without it", name, e);
        return new MemoryStoreMBean(null, null);
    }

    /** {@code dev.poolsight:type=MemoryStore,name=<storeName>}, the name quoted when ObjectName needs it. */
    public static ObjectName objectName(String storeName) {
        Objects.requireNonNull(storeName, "storeName is null");
        String quoted = storeName.isEmpty() || storeName.matches(".*[,=:\"*?\n\r].*")
                ? ObjectName.quote(storeName) : storeName;
        try {
            return new ObjectName(DOMAIN_AND_TYPE + ",name=" + quoted);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("storeName \"" + storeName + "\" cannot be part of an ObjectName", e);
        }
    }

    /** The name the MBean was registered under; empty when registration failed. */
    public Optional<ObjectName> objectName() {
        return Optional.ofNullable(objectName);
    }

    /** Unregisters the MBean, the first time; a failure is logged, never thrown. */
    @Override
    public void close() {
        if (objectName == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.unregisterMBean(objectName);
        } catch (JMException | RuntimeException | LinkageError e) {
            LOG.warn("The MBean {} could not be unregistered", objectName, e);
        }
    }

    private record Attributes(String name, MemoryOperationTimes times) implements MemoryStoreMXBean {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public java.util.List<MemoryOperationData> getOperations() {
            return times.snapshot().stream().map(MemoryOperationData::of).toList();
        }
    }
}
