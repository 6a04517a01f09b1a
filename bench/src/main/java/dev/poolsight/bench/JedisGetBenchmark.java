package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.util.concurrent.TimeUnit;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * A pooled Jedis GET over loopback, what an application really pays per call. This class runs without the agent;
 * {@link JedisGetWithAgentBenchmark} runs the same code with it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Dpoolsight.bench.agent=none")
public class JedisGetBenchmark {

    private JedisPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        TestRedis redis = TestRedis.get();
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(8);
        pool = new JedisPool(config, redis.host(), redis.port());
        try (Jedis jedis = pool.getResource()) {
            jedis.set("bench:get", "value");
        }
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
