package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Weaves {@link PoolAdvice} into Commons Pool 2's GenericObjectPool and GenericKeyedObjectPool (2.11 to 2.13),
 * whichever class loader loads them, and into those already loaded when the agent is attached to a running JVM.
 * The classes keep their shape (no new fields or methods), which retransformation requires.
 */
public final class CommonsPoolInstrumentation {

    static final String POOL = "org.apache.commons.pool2.impl.GenericObjectPool";
    static final String KEYED_POOL = "org.apache.commons.pool2.impl.GenericKeyedObjectPool";
    static final String POOL_INTERNAL = POOL.replace('.', '/');
    static final String KEYED_POOL_INTERNAL = KEYED_POOL.replace('.', '/');

    private CommonsPoolInstrumentation() {
    }

    /**
     * Registers the weaving transformer and, when the agent arrives in a running JVM, re-weaves the pool classes
     * already loaded.
     *
     * @param adviceLocator where Byte Buddy reads the advice classes' bytes: the agent jar, since the advice
     *                      classes are loaded by the bootstrap class loader
     */
    public static void install(Instrumentation instrumentation, ClassFileLocator adviceLocator) {
        PoolClassesOnly transformer = new PoolClassesOnly(() -> new PoolWeaver(adviceLocator));
        instrumentation.addTransformer(transformer, true);
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getName().equals(POOL) || type.getName().equals(KEYED_POOL)) {
                loaded.add(type);
            }
        }
        if (!loaded.isEmpty()) {
            try {
                instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
            } catch (Exception | LinkageError e) {
                AgentHealth.failure("retransform loaded pool classes", e);
            }
        }
    }

    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                               ClassFileLocator locator) {
        boolean keyed = type.getName().equals(KEYED_POOL);
        return builder
                .visit(advice(PoolAdvice.Constructed.class, locator).on(isConstructor()))
                .visit(advice(PoolAdvice.Borrow.class, locator).on(named("borrowObject").and(isPublic())))
                .visit(advice(keyed ? PoolAdvice.KeyedReturn.class : PoolAdvice.Return.class, locator)
                        .on(named("returnObject").and(takesArguments(keyed ? 2 : 1))))
                .visit(advice(keyed ? PoolAdvice.KeyedInvalidate.class : PoolAdvice.Invalidate.class, locator)
                        .on(named("invalidateObject").and(isPublic())))
                .visit(advice(PoolAdvice.Close.class, locator).on(named("close").and(takesArguments(0))));
    }

    private static Advice advice(Class<?> adviceClass, ClassFileLocator locator) {
        return Advice.to(TypeDescription.ForLoadedType.of(adviceClass), locator);
    }
}
