package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves {@link RedisCommandAdvice} into Jedis' Connection, Pipeline and Transaction (Jedis 5.x to 7.x), whichever
 * class loader loads them, and into those already loaded when the agent is attached to a running JVM. Unlike the
 * pool classes, these are woven when they load (no prewoven copies): it costs an application that uses Jedis one
 * Byte Buddy set-up at start-up, and every other application nothing but a string comparison per class.
 */
public final class JedisInstrumentation {

    static final String CONNECTION = "redis.clients.jedis.Connection";
    static final String PIPELINE = "redis.clients.jedis.Pipeline";
    static final String TRANSACTION = "redis.clients.jedis.Transaction";
    static final List<String> WOVEN = List.of(CONNECTION, PIPELINE, TRANSACTION);
    private static final String PACKAGE_INTERNAL = "redis/clients/jedis/";
    private static final List<String> WOVEN_INTERNAL = WOVEN.stream().map(name -> name.replace('.', '/')).toList();

    private JedisInstrumentation() {
    }

    /** Registers the transformer and re-weaves the Jedis classes already loaded (after a dynamic attach). */
    public static void install(Instrumentation instrumentation, ClassLoader agentLoader) {
        instrumentation.addTransformer(new JedisClassesOnly(ClassFileLocator.ForClassLoader.of(agentLoader)), true);
        LoadedClasses.retransform(instrumentation, WOVEN, "Jedis classes");
    }

    /**
     * @param adviceTypes describes the advice classes; it must also see the application's Jedis, which their
     *                    signatures name and which the agent's class loader cannot load
     */
    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                        TypePool adviceTypes, ClassFileLocator locator) {
        return switch (type.getName()) {
            case CONNECTION -> builder.visit(advice(RedisCommandAdvice.Execute.class, adviceTypes, locator)
                    .on(named("executeCommand").and(takesArguments(1))
                            .and(takesArgument(0, named("redis.clients.jedis.CommandObject")))));
            case PIPELINE -> builder.visit(advice(RedisCommandAdvice.Sync.class, adviceTypes, locator)
                    .on(named("sync").or(named("syncAndReturnAll")).and(takesArguments(0))));
            case TRANSACTION -> builder.visit(advice(RedisCommandAdvice.Exec.class, adviceTypes, locator)
                    .on(named("exec").and(takesArguments(0))));
            default -> builder;
        };
    }

    private static Advice advice(Class<?> adviceClass, TypePool adviceTypes, ClassFileLocator locator) {
        return Advice.to(adviceTypes.describe(adviceClass.getName()).resolve(), locator);
    }

    /**
     * Hands the three Jedis classes to Byte Buddy and every other class straight back after a prefix check; Byte
     * Buddy is set up at the first Jedis class.
     */
    private static final class JedisClassesOnly implements ClassFileTransformer {

        private final ClassFileLocator adviceLocator;
        private volatile ByteBuddy decorator;

        JedisClassesOnly(ClassFileLocator adviceLocator) {
            this.adviceLocator = adviceLocator;
        }

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain protectionDomain, byte[] classfileBuffer) {
            if (className == null || !className.startsWith(PACKAGE_INTERNAL) || !WOVEN_INTERNAL.contains(className)) {
                return null;
            }
            try {
                String name = className.replace('/', '.');
                ClassFileLocator surroundings = loader == null ? ClassFileLocator.ForClassLoader.ofBootLoader()
                        : ClassFileLocator.ForClassLoader.of(loader);
                ClassFileLocator locator = new ClassFileLocator.Compound(
                        ClassFileLocator.Simple.of(name, classfileBuffer), surroundings);
                TypeDescription type = TypePool.Default.WithLazyResolution.of(locator).describe(name).resolve();
                TypePool adviceTypes = TypePool.Default.WithLazyResolution.of(
                        new ClassFileLocator.Compound(adviceLocator, locator));
                return weave(byteBuddy().decorate(type, locator), type, adviceTypes, adviceLocator).make().getBytes();
            } catch (Throwable t) {
                // The class loads as it is: the application runs, its commands untimed.
                AgentHealth.failure("instrument " + className, t);
                return null;
            }
        }

        private ByteBuddy byteBuddy() {
            ByteBuddy current = decorator;
            if (current == null) {
                current = PoolWeaver.decorator();
                decorator = current;
            }
            return current;
        }
    }
}
