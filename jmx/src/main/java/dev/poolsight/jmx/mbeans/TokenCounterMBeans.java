package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import java.util.Map;
import java.util.Objects;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Registers token counters as MBeans, {@code dev.poolsight:type=TokenCounter,name=<counter>}.
 *
 * <p>Monitoring must not break the application that embeds the counter, so registration never throws: a failure
 * is counted in {@link AgentHealth} and the returned {@link Registration} has no name. When a counter of the same
 * name is registered already (two memories in one JVM), this one becomes {@code name-2}, {@code name-3}, ..., as
 * pools do in their registry.
 */
public final class TokenCounterMBeans {

    /** How many {@code -n} suffixes to try before giving up: far more counters than any JVM should hold. */
    private static final int MAX_SUFFIX = 100;

    private TokenCounterMBeans() {
    }

    /**
     * Registers {@code counter} on {@code server} (the platform MBean server in production) until the returned
     * registration is closed, which the counter's owner should do when it closes the counter.
     */
    public static Registration register(MBeanServer server, TokenCounterView counter) {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(counter, "counter");
        try {
            String name = counter.name();
            DescribedMBean<TokenCounterMXBean> mbean = new DescribedMBean<>(new TokenCounterMBean(counter),
                    TokenCounterMXBean.class, new Descriptions(TokenCounterMXBean.class, Map.of()));
            for (int suffix = 1; suffix <= MAX_SUFFIX; suffix++) {
                ObjectName objectName = ObjectNames.tokenCounter(suffix == 1 ? name : name + "-" + suffix);
                try {
                    server.registerMBean(mbean, objectName);
                    return Registration.of(server, objectName);
                } catch (InstanceAlreadyExistsException taken) {
                    // Try the next suffix.
                }
            }
            throw new InstanceAlreadyExistsException(
                    ObjectNames.tokenCounter(name) + " and " + (MAX_SUFFIX - 1) + " suffixed names are all taken");
        } catch (JMException | RuntimeException | LinkageError e) {
            AgentHealth.failure("register token counter MBean", e);
            return Registration.none();
        }
    }
}
