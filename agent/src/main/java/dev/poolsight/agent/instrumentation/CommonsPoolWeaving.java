package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;

/**
 * Which {@link PoolAdvice} goes into which method of the Commons Pool classes. Kept apart from
 * {@link CommonsPoolInstrumentation}, which is loaded whenever the agent starts: this names Byte Buddy's types, and
 * is loaded only when a pool class has to be woven.
 */
final class CommonsPoolWeaving implements ClassWeaver.Weaving {

    /** Added in 2.12, the release whose borrow waits are measured with Instant rather than in milliseconds. */
    private static final String MICROSECOND_WAITS_MARKER = "getMeanBorrowWaitDuration";

    @Override
    public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                        ClassFileLocator classLocator, ClassFileLocator adviceLocator) {
        if (type.getName().equals(CommonsPoolInstrumentation.BASE_POOL)) {
            DynamicType.Builder<?> woven = builder
                    .visit(advice(PoolAdvice.Returning.class, adviceLocator)
                            .on(named("markReturningState").and(takesArguments(1))))
                    .visit(advice(PoolAdvice.StatsReturn.class, adviceLocator)
                            .on(named("updateStatsReturn").and(takesArguments(1))));
            Class<?> statsBorrowAdvice = measuresWaitsInMicroseconds(type)
                    ? PoolAdvice.StatsBorrow.class
                    : PoolAdvice.StatsBorrowCounts.class;
            return woven.visit(advice(statsBorrowAdvice, adviceLocator)
                    .on(named("updateStatsBorrow").and(takesArguments(2))));
        }
        boolean keyed = type.getName().equals(CommonsPoolInstrumentation.KEYED_POOL);
        Class<?> borrowAdvice = measuresWaitsInMicroseconds(type.getSuperClass().asErasure())
                ? PoolAdvice.BorrowFailure.class
                : PoolAdvice.Borrow.class;
        return builder
                .visit(advice(PoolAdvice.Constructed.class, adviceLocator).on(isConstructor()))
                .visit(advice(borrowAdvice, adviceLocator).on(named("borrowObject").and(isPublic())))
                .visit(advice(keyed ? PoolAdvice.KeyedInvalidate.class : PoolAdvice.Invalidate.class, adviceLocator)
                        .on(named("invalidateObject").and(isPublic())))
                .visit(advice(PoolAdvice.Close.class, adviceLocator).on(named("close").and(takesArguments(0))));
    }

    /**
     * Whether this BaseGenericObjectPool (2.12 or later) times borrow waits precisely enough to take them from
     * updateStatsBorrow; both pool classes and their base decide from the same class, so they always agree.
     */
    private static boolean measuresWaitsInMicroseconds(TypeDescription basePool) {
        return !basePool.getDeclaredMethods().filter(named(MICROSECOND_WAITS_MARKER)).isEmpty();
    }

    private static Advice advice(Class<?> adviceClass, ClassFileLocator adviceLocator) {
        return Advice.to(TypeDescription.ForLoadedType.of(adviceClass), adviceLocator);
    }
}
