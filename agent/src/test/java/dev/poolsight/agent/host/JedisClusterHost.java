package dev.poolsight.agent.host;

import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;

/**
 * Jedis' cluster client against a real Redis Cluster, in a child JVM with the agent:
 * {@code JedisClusterHost <host:port,host:port seeds> <gets>} makes GETs of the keys {@code poolsight:cluster:0}
 * up to {@code <gets> - 1}, each through the pool of the node that serves its slot, then reports every pool.
 */
public final class JedisClusterHost {

    static final String KEY = "poolsight:cluster:";

    private JedisClusterHost() {
    }

    public static void main(String[] args) throws Exception {
        Set<HostAndPort> seeds = new LinkedHashSet<>();
        for (String seed : args[0].split(",")) {
            seeds.add(HostAndPort.from(seed));
        }
        int gets = Integer.parseInt(args[1]);
        ConnectionPoolConfig pools = new ConnectionPoolConfig();
        pools.setMaxTotal(4);
        try (JedisCluster cluster = new JedisCluster(seeds, DefaultJedisClientConfig.builder().build(), 5, pools)) {
            for (int i = 0; i < gets; i++) {
                cluster.get(KEY + i);
            }
            HostReport.result("nodes", cluster.getClusterNodes().size());
            HostReport.pools();
        }
    }
}
