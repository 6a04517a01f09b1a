package dev.poolsight.agent;

import dev.poolsight.agent.bootstrap.PoolHooks;
import dev.poolsight.agent.instrumentation.CommonsPoolIdentity;
import dev.poolsight.agent.instrumentation.CommonsPoolInstrumentation;
import dev.poolsight.agent.jolokia.JolokiaEndpoint;
import dev.poolsight.agent.prometheus.PrometheusEndpoint;
import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.mbeans.PoolMBeans;
import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;

/** Installs the agent once per JVM, however often it is attached. Runs from the bootstrap class loader. */
public final class PoolsightAgent {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private PoolsightAgent() {
    }

    public static void install(String arguments, Instrumentation instrumentation, File agentJar) throws IOException {
        AgentOptions options = AgentOptions.parse(arguments);
        for (String problem : options.problems()) {
            System.err.println("[poolsight] " + problem);
        }
        if (!INSTALLED.compareAndSet(false, true)) {
            System.err.println("[poolsight] the agent is already running in this JVM; options of this attach ignored");
            return;
        }
        PoolRegistry registry = PoolRegistry.global();
        registry.configure(options.window(), options.leakThreshold().orElse(null));
        PoolHooks.install(registry, new CommonsPoolIdentity());
        WindowTicker.start(registry);
        registerMBeansInBackground(registry);
        CommonsPoolInstrumentation.install(instrumentation, new JarFile(agentJar));
        if (!options.quiet()) {
            System.err.println("[poolsight] agent started: instrumenting Commons Pool 2 pools; percentiles over "
                    + options.window().toSeconds() + "s; leak detection "
                    + options.leakThreshold().map(t -> "after " + t.toMillis() + "ms").orElse("off"));
        }
        options.jolokia().ifPresent(address -> JolokiaEndpoint.start(address, options.jolokiaCredentials(), agentJar));
        options.prometheus().ifPresent(prometheus -> PrometheusEndpoint.start(prometheus, agentJar));
    }

    /**
     * The platform MBean server is made off the premain thread: making it during premain would initialise JMX and
     * java.util.logging before the application had a chance to configure them.
     */
    private static void registerMBeansInBackground(PoolRegistry registry) {
        Thread thread = new Thread(() -> {
            try {
                PoolMBeans.install(registry, ManagementFactory.getPlatformMBeanServer());
            } catch (Throwable t) {
                AgentHealth.failure("register MBeans", t);
            }
        }, "poolsight-jmx-registration");
        thread.setDaemon(true);
        thread.start();
    }
}
