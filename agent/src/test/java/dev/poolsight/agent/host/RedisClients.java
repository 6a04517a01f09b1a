package dev.poolsight.agent.host;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/** Jedis 7's RedisClient, in a class of its own that only a Jedis 7 host loads. */
final class RedisClients {

    private RedisClients() {
    }

    static UnifiedJedis create(String host, int port) {
        return RedisClient.create(host, port);
    }
}
