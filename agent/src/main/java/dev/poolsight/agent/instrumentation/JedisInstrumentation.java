package dev.poolsight.agent.instrumentation;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.jar.JarFile;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Weaves {@link RedisCommandAdvice} into Jedis' Connection, Pipeline and Transaction (Jedis 5.x to 7.x), whichever
 * class loader loads them, and into those already loaded when the agent is attached to a running JVM. As the pool
 * classes are, these come {@link PrewovenClasses prewoven} for the Jedis releases the agent was built for, so an
 * application on one of them loads no Byte Buddy at start-up; other releases are woven when they load
 * ({@link JedisWeaving} says what goes where). Loaded whenever the agent starts, so it names no Byte Buddy type that
 * the JVM would load to verify it.
 */
public final class JedisInstrumentation {

    static final String CONNECTION = "redis.clients.jedis.Connection";
    static final String PIPELINE = "redis.clients.jedis.Pipeline";
    static final String TRANSACTION = "redis.clients.jedis.Transaction";
    static final List<String> WOVEN = List.of(CONNECTION, PIPELINE, TRANSACTION);
    static final List<String> WOVEN_INTERNAL = WOVEN.stream().map(name -> name.replace('.', '/')).toList();

    private JedisInstrumentation() {
    }

    /**
     * Registers the transformer and re-weaves the Jedis classes already loaded (after a dynamic attach).
     *
     * @param agentJar    the agent jar, which holds the {@link PrewovenClasses}
     * @param agentLoader the agent's class loader, which serves the advice classes' bytes to Byte Buddy
     */
    public static void install(Instrumentation instrumentation, JarFile agentJar, ClassLoader agentLoader) {
        WovenClassesOnly.install(instrumentation, WOVEN, WOVEN_INTERNAL, new PrewovenClasses(agentJar),
                () -> new ClassWeaver(new JedisWeaving(), ClassFileLocator.ForClassLoader.of(agentLoader)));
    }
}
