package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.poolsight.jmx.AgentHealth;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Weaves {@link PoolAdvice} into Commons Pool 2's GenericObjectPool and GenericKeyedObjectPool (2.11 to 2.13),
 * whichever class loader loads them, and into those already loaded when the agent is attached to a running JVM.
 * The classes keep their shape (no new fields or methods), which retransformation requires.
 */
public final class CommonsPoolInstrumentation {

    static final String POOL = "org.apache.commons.pool2.impl.GenericObjectPool";
    static final String KEYED_POOL = "org.apache.commons.pool2.impl.GenericKeyedObjectPool";

    private CommonsPoolInstrumentation() {
    }

    /**
     * @param adviceLocator where Byte Buddy reads the advice classes' bytes: the agent jar, since the advice
     *                      classes are loaded by the bootstrap class loader
     */
    public static void install(Instrumentation instrumentation, ClassFileLocator adviceLocator) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(new FailureListener())
                .type(named(POOL).or(named(KEYED_POOL)))
                .transform((builder, type, loader, module, domain) -> weave(builder, type, adviceLocator))
                .installOn(instrumentation);
    }

    private static DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
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

    /** A pool class the agent could not weave still works as before; the failure is counted and logged once. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
            AgentHealth.failure("instrument " + typeName, throwable);
        }
    }
}
