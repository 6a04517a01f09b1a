package dev.poolsight.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The JVM's way in: {@code premain} for {@code -javaagent}, {@code agentmain} for an attach to a running JVM.
 *
 * <p>This class is loaded by the application class loader. It puts the agent jar on the bootstrap class path,
 * so that the hooks the advice calls are visible from every class loader that may load a pool, and hands over
 * to {@link PoolsightAgent} as loaded from there. Whatever fails, the host application starts.
 */
public final class AgentEntry {

    private AgentEntry() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation);
    }

    private static void start(String arguments, Instrumentation instrumentation) {
        try {
            File jar = new File(AgentEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            Class.forName(PoolsightAgent.class.getName(), true, null)
                    .getMethod("install", String.class, Instrumentation.class, File.class)
                    .invoke(null, arguments, instrumentation, jar);
        } catch (Throwable t) {
            System.err.println("[poolsight] the agent did not start, the application runs without it: " + t);
        }
    }
}
