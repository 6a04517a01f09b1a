package dev.poolsight.agent;

import dev.poolsight.agent.bootstrap.PoolHooks;
import dev.poolsight.agent.instrumentation.CommonsPoolIdentity;
import dev.poolsight.agent.instrumentation.CommonsPoolInstrumentation;
import dev.poolsight.agent.instrumentation.JedisInstrumentation;
import dev.poolsight.agent.jolokia.JolokiaEndpoint;
import dev.poolsight.agent.prometheus.PrometheusEndpoint;
import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.mbeans.PoolMBeans;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.jar.JarFile;

/**
 * Installs the agent; {@link AgentEntry} makes sure it happens once per JVM. Runs in the agent's own class loader
 * ({@link AgentClassLoader}); only {@link PoolHooks} and the recorders it feeds are shared with the application,
 * through the bootstrap class loader.
 */
public final class PoolsightAgent {

    private PoolsightAgent() {
    }

    public static void install(String arguments, Instrumentation instrumentation, JarFile agentJar,
                               ClassLoader agentLoader) {
        AgentOptions options = AgentOptions.parse(arguments);
        for (String problem : options.problems()) {
            System.err.println("[poolsight] " + problem);
        }
        PoolRegistry registry = PoolRegistry.global();
        registry.configure(options.window(), options.leakThreshold().orElse(null));
        PoolHooks.install(registry, new CommonsPoolIdentity());
        WindowTicker.start(registry);
        installMBeans(registry);
        CommonsPoolInstrumentation.install(instrumentation, agentJar, agentLoader);
        if (options.redisCommands()) {
            JedisInstrumentation.install(instrumentation, agentJar, agentLoader);
        }
        if (!options.quiet()) {
            System.err.println("[poolsight] agent started: instrumenting Commons Pool 2 pools; percentiles over "
                    + options.window().toSeconds() + "s; leak detection "
                    + options.leakThreshold().map(t -> "after " + t.toMillis() + "ms").orElse("off"));
        }
        options.jolokia().ifPresent(address -> JolokiaEndpoint.start(address, options.jolokiaCredentials()));
        options.prometheus().ifPresent(PrometheusEndpoint::start);
    }

    /**
     * The MBeans are registered on Poolsight's own JMX thread, which also makes the platform MBean server: making it
     * during premain would initialise JMX and java.util.logging before the application had a chance to configure them.
     */
    private static void installMBeans(PoolRegistry registry) {
        try {
            PoolMBeans.install(registry, ManagementFactory::getPlatformMBeanServer);
        } catch (Throwable t) {
            AgentHealth.failure("install MBeans", t);
        }
    }
}
