package dev.poolsight.core.tokens;

import dev.poolsight.core.management.MBeanRegistration;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token counter's statistics registered as the MXBean {@code dev.poolsight:type=TokenCounter,name=<name>}, until
 * {@link #close() closed}. Registration is opt-in, as HikariCP's {@code registerMbeans} is: a counter is no MBean
 * until its owner asks,
 * <pre>{@code
 * try (AsyncTokenCounter counter = new AsyncTokenCounter("memory", exact, estimator, settings);
 *         TokenCounterMBean mbean = TokenCounterMBean.register(counter)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Monitoring must not break the application, so registering never throws for a JMX reason: a failure is logged
 * as a warning and the returned handle has no {@link #objectName()}. When the name is taken (two stores with a
 * counter called {@code memory} in one JVM), the counter becomes {@code memory-2}, {@code memory-3}, and so on. A
 * name with a character that ObjectName reserves is quoted, as {@link ObjectName#quote} does.
 */
public final class TokenCounterMBean implements AutoCloseable {

    /** The JMX domain and type of every token counter MBean. */
    public static final String DOMAIN_AND_TYPE = "dev.poolsight:type=TokenCounter";

    private static final Logger LOG = LoggerFactory.getLogger(TokenCounterMBean.class);
    private final MBeanRegistration registration;

    private TokenCounterMBean(MBeanRegistration registration) {
        this.registration = registration;
    }

    /** Registers {@code counter} on the platform MBean server, where JConsole, VisualVM and Jolokia look. */
    public static TokenCounterMBean register(TokenCounterStats counter) {
        Objects.requireNonNull(counter, "counter is null");
        MBeanServer platform;
        try {
            platform = ManagementFactory.getPlatformMBeanServer();
        } catch (RuntimeException | LinkageError e) {
            return failed(counter, e);
        }
        return register(counter, platform);
    }

    /** Registers {@code counter} on {@code server}; close the returned handle when the counter closes. */
    public static TokenCounterMBean register(TokenCounterStats counter, MBeanServer server) {
        Objects.requireNonNull(counter, "counter is null");
        Objects.requireNonNull(server, "server is null");
        try {
            StandardMBean mbean = new DescribedAttributes(new TokenCounterAttributes(counter));
            return new TokenCounterMBean(MBeanRegistration.register(mbean, DOMAIN_AND_TYPE, counter.name(), server));
        } catch (JMException | RuntimeException | LinkageError e) {
            return failed(counter, e);
        }
    }

    private static TokenCounterMBean failed(TokenCounterStats counter, Throwable e) {
        LOG.warn("The MBean of token counter {} could not be registered; the counter works on without it",
                counter.name(), e);
        return new TokenCounterMBean(MBeanRegistration.none());
    }

    /** {@code dev.poolsight:type=TokenCounter,name=<counterName>}, the name quoted when ObjectName needs it. */
    public static ObjectName objectName(String counterName) {
        Objects.requireNonNull(counterName, "counterName is null");
        return MBeanRegistration.objectName(DOMAIN_AND_TYPE, counterName);
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

    /**
     * The MXBean with the texts of {@link TokenCounterMXBean.Description}: JConsole shows them, and every attribute
     * with a unit ends in {@code (unit: <unit>)} so that a reader who sees only the description knows the unit.
     */
    private static final class DescribedAttributes extends StandardMBean {

        DescribedAttributes(TokenCounterMXBean attributes) {
            super(attributes, TokenCounterMXBean.class, true);
        }

        @Override
        protected String getDescription(MBeanInfo info) {
            return TokenCounterMXBean.class.getAnnotation(TokenCounterMXBean.Description.class).value();
        }

        @Override
        protected String getDescription(MBeanAttributeInfo info) {
            TokenCounterMXBean.Description description;
            try {
                description = TokenCounterMXBean.class.getMethod("get" + info.getName())
                        .getAnnotation(TokenCounterMXBean.Description.class);
            } catch (NoSuchMethodException e) {
                return info.getDescription();
            }
            Object units = info.getDescriptor().getFieldValue("units");
            return description.value() + (units == null ? "" : " (unit: " + units + ")");
        }
    }
}
