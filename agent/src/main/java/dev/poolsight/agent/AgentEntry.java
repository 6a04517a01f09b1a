package dev.poolsight.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * The JVM's way in: {@code premain} for {@code -javaagent}, {@code agentmain} for an attach to a running JVM.
 *
 * <p>This class is loaded by the application class loader, as is {@link AgentClassLoader}, which it makes to load
 * the agent proper from the hidden part of the jar. The hooks that woven pools call, and the recorders they feed,
 * must be seen from every class loader, so they are defined to the bootstrap class loader
 * ({@link BootstrapClasses}): one by one rather than by appending the jar to the bootstrap class path, since an
 * appended bootstrap class path makes the JVM give up class data sharing for every other class loader (it says so
 * with the warning "Sharing is only supported for boot loader classes because bootstrap classpath has been
 * appended"), which costs an application a good part of its start-up. Where that cannot be done, the jar is appended
 * after all. Whatever fails, the host application starts.
 */
public final class AgentEntry {

    /** A hook on the bootstrap class path: when the bootstrap class loader knows it, the agent is running. */
    private static final String HOOKS = "dev.poolsight.agent.bootstrap.PoolHooks";
    /** Loaded by the agent class loader, named rather than referenced, as is the agent itself. */
    private static final String BOOTSTRAP_CLASSES = "dev.poolsight.agent.BootstrapClasses";
    private static final String AGENT = "dev.poolsight.agent.PoolsightAgent";

    private AgentEntry() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /**
     * @param beforeMain whether the application's {@code main} waits for this: then only what must come first (the
     *                   hooks and the weaving) is done here, the rest on a background thread
     */
    private static void start(String arguments, Instrumentation instrumentation, boolean beforeMain) {
        try {
            if (alreadyRunning()) {
                System.err.println("[poolsight] the agent is already running in this JVM; options of this attach ignored");
                return;
            }
            File file = new File(AgentEntry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            JarFile jar = new JarFile(file);
            AgentClassLoader loader = new AgentClassLoader(jar, file.toURI().toURL());
            defineHooksOnTheBootstrapClassPath(instrumentation, jar, loader);
            Class.forName(AGENT, true, loader)
                    .getMethod("install", String.class, Instrumentation.class, JarFile.class, ClassLoader.class,
                            boolean.class)
                    .invoke(null, arguments, instrumentation, jar, loader, beforeMain);
        } catch (Throwable t) {
            System.err.println("[poolsight] the agent did not start, the application runs without it: " + t);
        }
    }

    private static boolean alreadyRunning() {
        try {
            Class.forName(HOOKS, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Lets the agent class loader, and nothing else, define classes to the bootstrap class loader (Java's internal
     * {@code Unsafe}, opened to that loader's module alone, not to the application's), and has it define the hooks.
     */
    private static void defineHooksOnTheBootstrapClassPath(Instrumentation instrumentation, JarFile jar,
                                                           AgentClassLoader loader) throws Exception {
        try {
            Module javaBase = Object.class.getModule();
            instrumentation.redefineModule(javaBase, Set.of(), Map.of(),
                    Map.of("jdk.internal.misc", Set.of(loader.getUnnamedModule())), Set.of(), Map.of());
            Class.forName(BOOTSTRAP_CLASSES, true, loader).getMethod("define", JarFile.class).invoke(null, jar);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            instrumentation.appendToBootstrapClassLoaderSearch(jar);
        }
    }
}
