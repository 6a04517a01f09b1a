package dev.poolsight.agent.host;

import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Jedis' cluster clients against a real Redis Cluster, in a child JVM with the agent:
 * {@code JedisClusterHost <JedisCluster|RedisClusterClient> <host:port,host:port seeds> <gets>} makes GETs of the
 * keys {@code poolsight:cluster:0} up to {@code <gets> - 1} through that client (Jedis 7's RedisClusterClient or
 * the older JedisCluster), each through the pool of the node that serves its slot, then reports every pool and the
 * commands timed on each.
 */
public final class JedisClusterHost {

    static final String KEY = "poolsight:cluster:";

    private JedisClusterHost() {
    }

    public static void main(String[] args) throws Exception {
        Set<HostAndPort> seeds = new LinkedHashSet<>();
        for (String seed : args[1].split(",")) {
            seeds.add(HostAndPort.from(seed));
        }
        int gets = Integer.parseInt(args[2]);
        ConnectionPoolConfig pools = new ConnectionPoolConfig();
        pools.setMaxTotal(4);
        switch (args[0]) {
            case "JedisCluster" -> {
                try (JedisCluster cluster = new JedisCluster(seeds, DefaultJedisClientConfig.builder().build(), 5,
                        pools)) {
                    gets(cluster, gets);
                    report(cluster.getClusterNodes().size());
                }
            }
            case "RedisClusterClient" -> {
                try (RedisClusterClient cluster = RedisClusterClient.builder().nodes(seeds).poolConfig(pools).build()) {
                    gets(cluster, gets);
                    report(cluster.getClusterNodes().size());
                }
            }
            default -> throw new IllegalArgumentException("unknown client " + args[0]);
        }
    }

    private static void report(int nodes) throws Exception {
        HostReport.result("nodes", nodes);
        HostReport.pools();
        HostReport.redisCommands(nodes);
    }

    private static void gets(UnifiedJedis cluster, int gets) {
        for (int i = 0; i < gets; i++) {
            cluster.get(KEY + i);
        }
    }
}
