package dev.poolsight.agent.instrumentation;

import dev.poolsight.agent.bootstrap.RedisHooks;
import net.bytebuddy.asm.Advice;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Pipeline;

/**
 * The advice woven into Jedis (5.x to 7.x). Byte Buddy copies it into Jedis' own classes, so it may name Jedis
 * types: the command's name is taken there, as the enum constant Jedis describes it with, and never its arguments.
 * Every Throwable is suppressed, so that Jedis behaves exactly as without the agent.
 */
final class RedisCommandAdvice {

    private RedisCommandAdvice() {
    }

    /** Connection.executeCommand(CommandObject): every command of JedisPooled, RedisClient and, mostly, Jedis. */
    static final class Execute {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return RedisHooks.starting();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Argument(0) CommandObject<?> command,
                         @Advice.Thrown Throwable thrown) {
            if (start != RedisHooks.UNTIMED) {
                RedisHooks.commandEnded(start, command.getArguments().getCommand(), thrown);
            }
        }
    }

    /**
     * Pipeline.sync() and syncAndReturnAll(): one round trip for the whole pipeline. A pipeline with nothing
     * pending (close() syncs once more) is not counted.
     */
    static final class Sync {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter(@Advice.This Pipeline pipeline) {
            return pipeline.hasPipelinedResponse() ? RedisHooks.starting() : RedisHooks.UNTIMED;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            RedisHooks.pipelineEnded(start, thrown);
        }
    }

    /** Transaction.exec(): the transaction, counted once. */
    static final class Exec {
        @Advice.OnMethodEnter(suppress = Throwable.class)
        static long enter() {
            return RedisHooks.starting();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
            RedisHooks.transactionEnded(start, thrown);
        }
    }
}
