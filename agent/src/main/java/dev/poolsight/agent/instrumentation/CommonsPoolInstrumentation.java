package dev.poolsight.agent.instrumentation;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.jar.JarFile;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Weaves {@link PoolAdvice} into Commons Pool 2's GenericObjectPool, GenericKeyedObjectPool and their base class
 * BaseGenericObjectPool (2.11 to 2.13), whichever class loader loads them, and into those already loaded when the
 * agent is attached to a running JVM ({@link CommonsPoolWeaving} says what goes where). The classes keep their shape
 * (no new fields or methods), which retransformation requires. Loaded whenever the agent starts, so it names no Byte
 * Buddy type that the JVM would load to verify it.
 */
public final class CommonsPoolInstrumentation {

    static final String POOL = "org.apache.commons.pool2.impl.GenericObjectPool";
    static final String KEYED_POOL = "org.apache.commons.pool2.impl.GenericKeyedObjectPool";
    static final String BASE_POOL = "org.apache.commons.pool2.impl.BaseGenericObjectPool";
    static final List<String> WOVEN = List.of(POOL, KEYED_POOL, BASE_POOL);
    static final List<String> WOVEN_INTERNAL = WOVEN.stream().map(name -> name.replace('.', '/')).toList();

    private CommonsPoolInstrumentation() {
    }

    /**
     * Registers the weaving transformer and, when the agent arrives in a running JVM, re-weaves the pool classes
     * already loaded.
     *
     * @param agentJar    the agent jar, which holds the {@link PrewovenClasses}
     * @param agentLoader the agent's class loader, which serves the advice classes' bytes to Byte Buddy
     */
    public static void install(Instrumentation instrumentation, JarFile agentJar, ClassLoader agentLoader) {
        WovenClassesOnly.install(instrumentation, WOVEN, WOVEN_INTERNAL, new PrewovenClasses(agentJar),
                () -> new ClassWeaver(new CommonsPoolWeaving(), ClassFileLocator.ForClassLoader.of(agentLoader)));
    }
}
