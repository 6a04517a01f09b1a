package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * An MBean that was registered, or an attempt that failed; {@link #close()} unregisters it. Closing more than once
 * does nothing, and closing never throws: a failure is counted in {@link AgentHealth}.
 */
public final class Registration implements AutoCloseable {

    private static final Registration NONE = new Registration(null, null);

    private final MBeanServer server;
    private final ObjectName objectName;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Registration(MBeanServer server, ObjectName objectName) {
        this.server = server;
        this.objectName = objectName;
    }

    static Registration of(MBeanServer server, ObjectName objectName) {
        return new Registration(server, objectName);
    }

    /** A registration that failed: it has no name and closing it does nothing. */
    static Registration none() {
        return NONE;
    }

    /** The name the MBean was registered under; empty when registration failed. */
    public Optional<ObjectName> objectName() {
        return Optional.ofNullable(objectName);
    }

    /** Unregisters the MBean, the first time. */
    @Override
    public void close() {
        if (objectName == null || !closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.unregisterMBean(objectName);
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("unregister MBean", e);
        }
    }
}
