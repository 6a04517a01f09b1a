package dev.poolsight.cli.source;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

/**
 * Reads the Poolsight MBeans of an MBean server: this JVM's platform server, or another JVM's through a JMX
 * connector. Only the MBeans' public attributes are read, never the agent's classes.
 */
public final class JmxPoolSource implements PoolSource {

    static final ObjectName POOLS = objectName("dev.poolsight:type=Pool,*");
    static final ObjectName REDIS_COMMANDS = objectName("dev.poolsight:type=RedisCommands,*");
    static final ObjectName TOKEN_COUNTERS = objectName("dev.poolsight:type=TokenCounter,*");

    private final MBeanServerConnection server;
    private final JMXConnector connector;
    private final String description;

    private JmxPoolSource(MBeanServerConnection server, JMXConnector connector, String description) {
        this.server = server;
        this.connector = connector;
        this.description = description;
    }

    /** The pools of this JVM. */
    public static JmxPoolSource platform() {
        return new JmxPoolSource(ManagementFactory.getPlatformMBeanServer(), null, "this JVM");
    }

    /** The pools of the JVM at the other end of {@code connector}, which {@link #close()} closes. */
    static JmxPoolSource connected(JMXConnector connector, String description) {
        try {
            return new JmxPoolSource(connector.getMBeanServerConnection(), connector, description);
        } catch (IOException e) {
            throw new TargetException("cannot read the MBeans of " + description + ": " + TargetException.reason(e), e);
        }
    }

    @Override
    public PoolReading read() {
        try {
            List<PoolSnapshot> pools = readAll(POOLS, PoolSnapshot.ATTRIBUTES, PoolSnapshot::from);
            List<RedisCommandsSnapshot> commands =
                    readAll(REDIS_COMMANDS, RedisCommandsSnapshot.ATTRIBUTES, RedisCommandsSnapshot::from);
            List<TokenCounterSnapshot> counters =
                    readAll(TOKEN_COUNTERS, TokenCounterSnapshot.ATTRIBUTES, TokenCounterSnapshot::from);
            return new PoolReading(System.nanoTime(), pools, commands, counters);
        } catch (IOException e) {
            throw new TargetException("lost the connection to " + description + ": " + TargetException.reason(e), e);
        }
    }

    private <T> List<T> readAll(ObjectName pattern, List<String> attributes, Function<Map<String, ?>, T> build)
            throws IOException {
        List<T> all = new ArrayList<>();
        for (ObjectName name : server.queryNames(pattern, null)) {
            try {
                Map<String, Object> values = new HashMap<>();
                for (Attribute attribute : server.getAttributes(name, attributes.toArray(String[]::new)).asList()) {
                    values.put(attribute.getName(), attribute.getValue());
                }
                all.add(build.apply(values));
            } catch (InstanceNotFoundException closedMeanwhile) {
                // the pool was closed between the query and the read: it is no longer there to show
            } catch (JMException e) {
                throw new TargetException("cannot read " + name + " in " + description + ": "
                        + TargetException.reason(e), e);
            }
        }
        return all;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException alreadyGone) {
                // the other JVM may have ended; there is nothing left to close
            }
        }
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
