package dev.poolsight.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The JVM's way in: {@code premain} for {@code -javaagent}, {@code agentmain} for an attach to a running JVM.
 *
 * <p>This class is loaded by the application class loader. It puts the agent jar on the bootstrap class path, where
 * only the hooks that the woven pools call can be found (everything else in the jar is hidden, see
 * {@link dev.poolsight.agent.bootstrap.AgentClassLoader}), and hands over to
 * {@link dev.poolsight.agent.bootstrap.AgentStarter} as loaded from there. Whatever fails, the host application
 * starts.
 */
public final class AgentEntry {

    private static final String STARTER = "dev.poolsight.agent.bootstrap.AgentStarter";

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
            Class.forName(STARTER, true, null)
                    .getMethod("start", String.class, Instrumentation.class, File.class)
                    .invoke(null, arguments, instrumentation, jar);
        } catch (Throwable t) {
            System.err.println("[poolsight] the agent did not start, the application runs without it: " + t);
        }
    }
}
