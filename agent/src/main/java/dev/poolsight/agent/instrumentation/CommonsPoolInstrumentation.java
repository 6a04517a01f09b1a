package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.jar.JarFile;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Weaves {@link PoolAdvice} into Commons Pool 2's GenericObjectPool, GenericKeyedObjectPool and their base class
 * BaseGenericObjectPool (2.11 to 2.13), whichever class loader loads them, and into those already loaded when the
 * agent is attached to a running JVM.
 * The classes keep their shape (no new fields or methods), which retransformation requires.
 */
public final class CommonsPoolInstrumentation {

    static final String POOL = "org.apache.commons.pool2.impl.GenericObjectPool";
    static final String KEYED_POOL = "org.apache.commons.pool2.impl.GenericKeyedObjectPool";
    static final String BASE_POOL = "org.apache.commons.pool2.impl.BaseGenericObjectPool";
    static final List<String> WOVEN = List.of(POOL, KEYED_POOL, BASE_POOL);
    static final List<String> WOVEN_INTERNAL = WOVEN.stream().map(name -> name.replace('.', '/')).toList();
    /** Added in 2.12, the release whose borrow waits are measured with Instant rather than in milliseconds. */
    private static final String MICROSECOND_WAITS_MARKER = "getMeanBorrowWaitDuration";

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
        PoolClassesOnly transformer = new PoolClassesOnly(new PrewovenClasses(agentJar),
                () -> new PoolWeaver(ClassFileLocator.ForClassLoader.of(agentLoader)));
        instrumentation.addTransformer(transformer, true);
        LoadedClasses.retransform(instrumentation, WOVEN, "pool classes");
    }

    static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                        ClassFileLocator locator) {
        if (type.getName().equals(BASE_POOL)) {
            DynamicType.Builder<?> woven = builder.visit(advice(PoolAdvice.StatsReturn.class, locator)
                    .on(named("updateStatsReturn").and(takesArguments(1))));
            return measuresWaitsInMicroseconds(type)
                    ? woven.visit(advice(PoolAdvice.StatsBorrow.class, locator)
                            .on(named("updateStatsBorrow").and(takesArguments(2))))
                    : woven;
        }
        boolean keyed = type.getName().equals(KEYED_POOL);
        Class<?> borrowAdvice = measuresWaitsInMicroseconds(type.getSuperClass().asErasure())
                ? PoolAdvice.BorrowFailure.class
                : PoolAdvice.Borrow.class;
        return builder
                .visit(advice(PoolAdvice.Constructed.class, locator).on(isConstructor()))
                .visit(advice(borrowAdvice, locator).on(named("borrowObject").and(isPublic())))
                .visit(advice(keyed ? PoolAdvice.KeyedReturn.class : PoolAdvice.Return.class, locator)
                        .on(named("returnObject").and(takesArguments(keyed ? 2 : 1))))
                .visit(advice(keyed ? PoolAdvice.KeyedInvalidate.class : PoolAdvice.Invalidate.class, locator)
                        .on(named("invalidateObject").and(isPublic())))
                .visit(advice(PoolAdvice.Close.class, locator).on(named("close").and(takesArguments(0))));
    }

    /**
     * Whether this BaseGenericObjectPool (2.12 or later) times borrow waits precisely enough to take them from
     * updateStatsBorrow; both pool classes and their base decide from the same class, so they always agree.
     */
    private static boolean measuresWaitsInMicroseconds(TypeDescription basePool) {
        return !basePool.getDeclaredMethods().filter(named(MICROSECOND_WAITS_MARKER)).isEmpty();
    }

    private static Advice advice(Class<?> adviceClass, ClassFileLocator locator) {
        return Advice.to(TypeDescription.ForLoadedType.of(adviceClass), locator);
    }
}
