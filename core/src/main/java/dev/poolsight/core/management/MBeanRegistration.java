package dev.poolsight.core.management;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of core's opt-in MBeans as registered: under {@code <domain>:type=<type>,name=<name>}, or {@code name-2},
 * {@code name-3}, ... when the name is taken, until {@link #close() closed}. The token counter's and the memory
 * store's handles ({@code TokenCounterMBean}, {@code MemoryStoreMBean}) register through it.
 */
public final class MBeanRegistration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MBeanRegistration.class);
    /** How many {@code -n} suffixes to try before giving up: far more than any JVM should hold. */
    private static final int MAX_SUFFIX = 100;
    /** The characters an unquoted ObjectName value may not hold. */
    private static final Pattern RESERVED = Pattern.compile("[,=:\"*?\n\r]");
    private static final MBeanRegistration NONE = new MBeanRegistration(null, null);

    private final MBeanServer server;
    private final ObjectName objectName;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MBeanRegistration(MBeanServer server, ObjectName objectName) {
        this.server = server;
        this.objectName = objectName;
    }

    /**
     * Registers {@code mbean} on {@code server} under the first free name.
     *
     * @param domainAndType for example {@code dev.poolsight:type=TokenCounter}
     * @throws JMException when the MBean server refuses it, or every suffixed name is taken
     */
    public static MBeanRegistration register(Object mbean, String domainAndType, String name, MBeanServer server)
            throws JMException {
        Objects.requireNonNull(server, "server is null");
        for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
            ObjectName objectName = objectName(domainAndType, suffix == 1 ? name : name + "-" + suffix);
            try {
                server.registerMBean(mbean, objectName);
                return new MBeanRegistration(server, objectName);
            } catch (InstanceAlreadyExistsException taken) {
                // Try the next suffix.
            }
        }
        throw new InstanceAlreadyExistsException(
                objectName(domainAndType, name) + " and " + (MAX_SUFFIX - 1) + " suffixed names are all taken");
    }

    /** The handle of a registration that failed: no name, nothing to close. */
    public static MBeanRegistration none() {
        return NONE;
    }

    /** {@code <domainAndType>,name=<name>}, the name quoted when ObjectName needs it. */
    public static ObjectName objectName(String domainAndType, String name) {
        Objects.requireNonNull(name, "name is null");
        String value = name.isEmpty() || RESERVED.matcher(name).find() ? ObjectName.quote(name) : name;
        try {
            return new ObjectName(domainAndType + ",name=" + value);
        } catch (MalformedObjectNameException e) {
            // Cannot happen for our fixed domains and types: the value is quoted whenever it needs to be.
            throw new IllegalArgumentException("name \"" + name + "\" cannot be part of an ObjectName", e);
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
}
