package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * A pooled Jedis GET over loopback, what an application really pays per call. This class runs without the agent;
 * {@link JedisGetWithAgentBenchmark} runs the same code with it.
 */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Dpoolsight.bench.agent=none")
public class JedisGetBenchmark extends PooledGetBenchmark {

    @Override
    protected JedisPool openPool() {
        TestRedis redis = TestRedis.get();
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(8);
        JedisPool pool = new JedisPool(config, redis.host(), redis.port());
        try (Jedis jedis = pool.getResource()) {
            jedis.set("bench:get", "value");
        }
        return pool;
    }
}
