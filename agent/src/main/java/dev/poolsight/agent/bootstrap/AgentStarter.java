package dev.poolsight.agent.bootstrap;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;

/**
 * Hands over from the JVM's entry point to the agent proper: makes the {@link AgentClassLoader} and starts the
 * agent in it, the first time only. Runs from the bootstrap class loader, once the agent jar is on the bootstrap class path.
 */
public final class AgentStarter {

    /** Loaded by the agent class loader, named rather than referenced: a reference would load it from here. */
    private static final String AGENT = "dev.poolsight.agent.PoolsightAgent";

    private AgentStarter() {
    }

    /** Here, on the bootstrap class path, since every attach makes a new agent class loader. */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    public static void start(String arguments, Instrumentation instrumentation, File agentJar) throws Exception {
        if (!STARTED.compareAndSet(false, true)) {
            System.err.println("[poolsight] the agent is already running in this JVM; options of this attach ignored");
            return;
        }
        JarFile jar = new JarFile(agentJar);
        AgentClassLoader loader = new AgentClassLoader(jar, agentJar.toURI().toURL());
        Class.forName(AGENT, true, loader)
                .getMethod("install", String.class, Instrumentation.class, JarFile.class, ClassLoader.class)
                .invoke(null, arguments, instrumentation, jar, loader);
    }
}
