package dev.poolsight.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** A pooled Jedis GET, borrow to return, on a pool that each subclass opens its own way. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public abstract class PooledGetBenchmark {

    private JedisPool pool;

    /** A pool on whose server key {@code bench:get} holds a value. */
    protected abstract JedisPool openPool();

    @Setup(Level.Trial)
    public void setUp() {
        pool = openPool();
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
