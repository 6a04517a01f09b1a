package dev.poolsight.core.config;

import java.util.List;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;

/**
 * Which kind of Redis deployment the store talks to: one server ({@code REDIS_URL}), a Redis Cluster found through
 * its seed nodes ({@code REDIS_CLUSTER_NODES}), or a master that Sentinels watch and replace on failure
 * ({@code REDIS_SENTINELS} with {@code REDIS_SENTINEL_MASTER}). Nothing here holds a password.
 */
public sealed interface RedisTopology {

    /** The variable that names the servers, for messages that send the user to it. */
    String variable();

    /** The servers as messages show them, such as {@code Redis Cluster (seed nodes 10.0.0.1:6379,10.0.0.2:6379)}. */
    String describe();

    /** One server, the one {@code REDIS_URL} names. */
    record Standalone(RedisUrl url) implements RedisTopology {
        @Override
        public String variable() {
            return RedisSettings.REDIS_URL;
        }

        @Override
        public String describe() {
            return url.server();
        }
    }

    /** A Redis Cluster; the client learns every node and slot from the seeds and follows the cluster's changes. */
    record Cluster(List<HostAndPort> seeds) implements RedisTopology {
        public Cluster {
            seeds = List.copyOf(seeds);
        }

        @Override
        public String variable() {
            return RedisSettings.REDIS_CLUSTER_NODES;
        }

        @Override
        public String describe() {
            return "Redis Cluster (seed nodes " + join(seeds) + ")";
        }
    }

    /** A master called {@code masterName} that the Sentinels watch; the client follows a failover to the new one. */
    record Sentinel(String masterName, List<HostAndPort> sentinels) implements RedisTopology {
        public Sentinel {
            sentinels = List.copyOf(sentinels);
        }

        @Override
        public String variable() {
            return RedisSettings.REDIS_SENTINELS;
        }

        @Override
        public String describe() {
            return "Redis master " + masterName + " (Sentinels " + join(sentinels) + ")";
        }
    }

    private static String join(List<HostAndPort> nodes) {
        return nodes.stream().map(RedisTopology::address).collect(Collectors.joining(","));
    }

    /** {@code host:port}, with an IPv6 address in brackets as {@code REDIS_CLUSTER_NODES} takes it. */
    private static String address(HostAndPort node) {
        String host = node.getHost();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + node.getPort();
    }
}
