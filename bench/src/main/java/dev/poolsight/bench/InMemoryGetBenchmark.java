package dev.poolsight.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/poolsight-agent.jar=quiet,redisCommands=false")
public class InMemoryGetBenchmark {

    private JedisPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        GenericObjectPoolConfig<Jedis> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(8);
        // No CLIENT SETINFO at connect: this Redis answers everything with the same bulk reply.
        pool = new JedisPool(config, InMemoryRedisSocket::new,
                DefaultJedisClientConfig.builder().clientSetInfoConfig(ClientSetInfoConfig.DISABLED).build());
    }

    @Benchmark
    public String get() {
        try (Jedis jedis = pool.getResource()) {
            return jedis.get("bench:get");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.close();
    }
}
