package dev.poolsight.bench;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** The application {@link StartupBenchmark} starts: a pool, one PING, exit. */
public final class SmallJedisApp {

    private SmallJedisApp() {
    }

    public static void main(String[] args) {
        try (JedisPool pool = new JedisPool(args[0], Integer.parseInt(args[1])); Jedis jedis = pool.getResource()) {
            jedis.ping();
        }
    }
}
