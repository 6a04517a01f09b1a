package dev.poolsight.core.memory;

import dev.poolsight.core.management.MBeanRegistration;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
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
    private final MBeanRegistration registration;

    private MemoryStoreMBean(MBeanRegistration registration) {
        this.registration = registration;
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
            return new MemoryStoreMBean(MBeanRegistration.register(mbean, DOMAIN_AND_TYPE, name, server));
        } catch (JMException | RuntimeException | LinkageError e) {
            return failed(name, e);
        }
    }

    private static MemoryStoreMBean failed(String name, Throwable e) {
        LOG.warn("The MBean of memory store {} could not be registered; the store works on without it", name, e);
        return new MemoryStoreMBean(MBeanRegistration.none());
    }

    /** {@code dev.poolsight:type=MemoryStore,name=<storeName>}, the name quoted when ObjectName needs it. */
    public static ObjectName objectName(String storeName) {
        Objects.requireNonNull(storeName, "storeName is null");
        return MBeanRegistration.objectName(DOMAIN_AND_TYPE, storeName);
    }

    /** The name the MBean was registered under; empty when registration failed. */
    public Optional<ObjectName> objectName() {
        return registration.objectName();
    }

    /** Unregisters the MBean, the first time; a failure is logged, never thrown. */
    @Override
    public void close() {
        registration.close();
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
