package dev.poolsight.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A pooled Jedis GET over {@link InMemoryRedisSocket}s, in JVMs with the agent and its command timing off
 * ({@code redisCommands=false}): the pool is instrumented, the command is not. {@link InMemoryGetTimedBenchmark}
 * runs the same code with command timing on; their difference is what timing costs a command (run from the
 * repository root).
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/poolsight-agent.jar=quiet,redisCommands=false")
public class InMemoryGetBenchmark extends PooledGetBenchmark {

    @Override
    protected JedisPool openPool() {
        GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(8);
        // No CLIENT SETINFO at connect: this Redis answers everything with the same bulk reply.
        return new JedisPool(config, InMemoryRedisSocket::new,
                DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
    }
}
