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

    /**
     * Installs the hooks and the weaving at once, so that no pool escapes them, and the endpoints asked for, so that
     * they serve before the application runs; starts the window ticker and the MBeans either at once or, when the
     * application's {@code main} is waiting ({@code -javaagent}), on a background thread: an application's start-up
     * waits only for what must come first.
     */
    public static void install(String arguments, Instrumentation instrumentation, JarFile agentJar,
                               ClassLoader agentLoader, boolean inBackground) {
        AgentOptions options = AgentOptions.parse(arguments);
        for (String problem : options.problems()) {
            System.err.println("[poolsight] " + problem);
        }
        PoolRegistry registry = PoolRegistry.global();
        registry.configure(options.window(), options.leakThreshold().orElse(null));
        PoolHooks.install(registry, new CommonsPoolIdentity());
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
        Runnable services = () -> startServices(registry);
        if (inBackground) {
            Thread starter = new Thread(services, "poolsight-start");
            starter.setDaemon(true);
            starter.setContextClassLoader(agentLoader);
            starter.start();
        } else {
            services.run();
        }
    }

    /**
     * What no pool needs in order to be recorded: pools registered before the MBeans are installed get theirs then
     * ({@link PoolMBeans}), and a window that nobody has ticked yet holds no old values.
     */
    private static void startServices(PoolRegistry registry) {
        installMBeans(registry);
        try {
            WindowTicker.start(registry);
        } catch (Throwable t) {
            AgentHealth.failure("start the window ticker", t);
        }
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
