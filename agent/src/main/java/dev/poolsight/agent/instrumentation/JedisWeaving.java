package dev.poolsight.agent.instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Which {@link RedisCommandAdvice} goes into which method of Jedis' Connection, Pipeline and Transaction. Kept
 * apart from {@link JedisInstrumentation}, which is loaded whenever the agent starts: this names Byte Buddy's types,
 * and is loaded only when a Jedis class has to be woven.
 */
final class JedisWeaving implements ClassWeaver.Weaving {

    /**
     * The advice classes are described from their bytes together with the woven class's surroundings: their
     * signatures name the application's Jedis types, which the agent's class loader cannot load.
     */
    @Override
    public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type,
                                        ClassFileLocator classLocator, ClassFileLocator adviceLocator) {
        TypePool adviceTypes = TypePool.Default.WithLazyResolution.of(
                new ClassFileLocator.Compound(adviceLocator, classLocator));
        return switch (type.getName()) {
            case JedisInstrumentation.CONNECTION -> builder.visit(
                    advice(RedisCommandAdvice.Execute.class, adviceTypes, adviceLocator)
                            .on(named("executeCommand").and(takesArguments(1))
                                    .and(takesArgument(0, named("redis.clients.jedis.CommandObject")))));
            case JedisInstrumentation.PIPELINE -> builder.visit(
                    advice(RedisCommandAdvice.Sync.class, adviceTypes, adviceLocator)
                            .on(named("sync").or(named("syncAndReturnAll")).and(takesArguments(0))));
            case JedisInstrumentation.TRANSACTION -> builder.visit(
                    advice(RedisCommandAdvice.Exec.class, adviceTypes, adviceLocator)
                            .on(named("exec").and(takesArguments(0))));
            default -> builder;
        };
    }

    private static Advice advice(Class<?> adviceClass, TypePool adviceTypes, ClassFileLocator adviceLocator) {
        return Advice.to(adviceTypes.describe(adviceClass.getName()).resolve(), adviceLocator);
    }
}
