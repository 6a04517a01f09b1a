package dev.poolsight.agent.host;

import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Jedis client of the kind the test names, making a known number of calls against a real Redis, in a child
 * JVM with the agent: {@code JedisClientsHost <redis host> <redis port> <JedisPool|JedisPooled|RedisClient>}.
 */
public final class JedisClientsHost {

    static final int GETS = 100;

    private JedisClientsHost() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        switch (args[2]) {
            case "JedisPool" -> {
                try (JedisPool pool = new JedisPool(JedisHost.config(8, Duration.ofSeconds(5)), host, port)) {
                    for (int i = 0; i < GETS; i++) {
                        try (Jedis jedis = pool.getResource()) {
                            jedis.get("poolsight:clients:" + i);
                        }
                    }
                    HostReport.pools();
                }
            }
            case "JedisPooled" -> {
                try (JedisPooled client = new JedisPooled(host, port)) {
                    gets(client);
                }
            }
            case "RedisClient" -> {
                try (UnifiedJedis client = RedisClients.create(host, port)) {
                    gets(client);
                }
            }
            default -> throw new IllegalArgumentException("unknown client " + args[2]);
        }
    }

    private static void gets(UnifiedJedis client) throws Exception {
        for (int i = 0; i < GETS; i++) {
            client.get("poolsight:clients:" + i);
        }
        HostReport.pools();
    }
}
