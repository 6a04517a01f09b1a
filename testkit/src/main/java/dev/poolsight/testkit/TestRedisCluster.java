package dev.poolsight.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Redis Cluster of local {@code redis-server} processes on free loopback ports: masters with one replica
 * each, built with the cluster's own commands (CLUSTER ADDSLOTS, MEET, REPLICATE) so that only the server binary
 * is needed, not redis-cli. A node that fails is noticed after one second ({@code cluster-node-timeout 1000}), and
 * its replica takes over whatever its replication lag.
 *
 * <p>Always local processes, even where a container engine exists: cluster nodes announce their own addresses to
 * clients (in MOVED and CLUSTER SLOTS), and from a container those are addresses the test's JVM cannot reach.
 */
public final class TestRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final Map<HostAndPort, Process> processes = new LinkedHashMap<>();
    private final Map<HostAndPort, List<String>> arguments = new LinkedHashMap<>();
    private Path binary;
    private final List<HostAndPort> initialMasters = new ArrayList<>();

    private static TestRedisCluster shared;

    private TestRedisCluster() {
    }

    /**
     * The cluster of three masters and three replicas that the tests of a JVM share, started on first use; its
     * processes die with the JVM. Tests that kill nodes start their own with {@link #start(int)}.
     */
    public static synchronized TestRedisCluster shared() {
        if (shared == null) {
            shared = start(3);
            System.out.println("[poolsight-testkit] " + shared);
        }
        return shared;
    }

    /** Starts {@code masters} masters with one replica each and returns once the cluster is ok and replicated. */
    public static TestRedisCluster start(int masters) {
        TestRedisCluster cluster = new TestRedisCluster();
        try {
            cluster.build(masters);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void build(int masters) {
        binary = RedisBinary.find();
        Path dir = RedisBinary.temporaryDirectory("cluster");
        List<HostAndPort> nodes = new ArrayList<>();
        for (int i = 0; i < masters * 2; i++) {
            int port = RedisBinary.freeClusterPort();
            HostAndPort node = new HostAndPort("127.0.0.1", port);
            arguments.put(node, List.of("--port", Integer.toString(port),
                    "--bind", "127.0.0.1", "--protected-mode", "no", "--save", "", "--appendonly", "no",
                    "--dir", dir.toString(), "--logfile", "node-" + port + ".log", "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "1000",
                    "--cluster-replica-validity-factor", "0", "--cluster-require-full-coverage", "no",
                    "--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0"));
            processes.put(node, RedisBinary.start(binary, arguments.get(node)));
            nodes.add(node);
        }
        nodes.forEach(TestRedisCluster::awaitPing);
        for (int m = 0; m < masters; m++) {
            HostAndPort master = nodes.get(m);
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            try (Jedis jedis = new Jedis(master)) {
                jedis.clusterAddSlots(IntStream.range(from, to).toArray());
            }
            initialMasters.add(master);
        }
        try (Jedis first = new Jedis(nodes.get(0))) {
            for (HostAndPort other : nodes.subList(1, nodes.size())) {
                first.clusterMeet(other.getHost(), other.getPort());
            }
        }
        Awaitility.await("every node of the cluster knows all " + nodes.size()).atMost(SETTLE)
                .ignoreExceptions()
                .until(() -> nodes.stream().allMatch(node -> clusterNodes(node).size() == nodes.size()));
        for (int m = 0; m < masters; m++) {
            String masterId = nodeId(nodes.get(m));
            try (Jedis replica = new Jedis(nodes.get(masters + m))) {
                replica.clusterReplicate(masterId);
            }
        }
        Awaitility.await("cluster_state:ok and every master with an online replica").atMost(SETTLE)
                .ignoreExceptions()
                .until(() -> nodes.stream().allMatch(node -> clusterStateOk(node))
                        && initialMasters.stream().allMatch(master -> info(master, "replication")
                        .contains("connected_slaves:1") && info(master, "replication").contains("state=online")));
    }

    private static void awaitPing(HostAndPort node) {
        Awaitility.await("Redis at " + node + " answers PING").atMost(SETTLE).ignoreExceptions()
                .until(() -> {
                    try (Jedis jedis = new Jedis(node)) {
                        return "PONG".equals(jedis.ping());
                    }
                });
    }

    private static List<String> clusterNodes(HostAndPort node) {
        try (Jedis jedis = new Jedis(node)) {
            return jedis.clusterNodes().lines().filter(line -> !line.isBlank()).collect(Collectors.toList());
        }
    }

    private static String nodeId(HostAndPort node) {
        try (Jedis jedis = new Jedis(node)) {
            return jedis.clusterMyId();
        }
    }

    private static boolean clusterStateOk(HostAndPort node) {
        try (Jedis jedis = new Jedis(node)) {
            return jedis.clusterInfo().contains("cluster_state:ok");
        }
    }

    private static String info(HostAndPort node, String section) {
        try (Jedis jedis = new Jedis(node)) {
            return jedis.info(section);
        }
    }

    /** The seed nodes, as {@code REDIS_CLUSTER_NODES} takes them: {@code host:port,host:port}. */
    public String clusterNodesVariable() {
        return processes.keySet().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
    }

    /** Every node, masters and replicas. */
    public List<HostAndPort> nodes() {
        return List.copyOf(processes.keySet());
    }

    /** The masters the cluster was built with, in slot order; after a failover one of them may be dead. */
    public List<HostAndPort> initialMasters() {
        return List.copyOf(initialMasters);
    }

    /**
     * The masters that serve slots now, as a live node sees them: lines of CLUSTER NODES whose flags say master, are
     * not failed and hold slots.
     */
    public List<HostAndPort> servingMasters() {
        HostAndPort alive = processes.entrySet().stream().filter(e -> e.getValue().isAlive()).findFirst()
                .orElseThrow().getKey();
        List<HostAndPort> masters = new ArrayList<>();
        for (String line : clusterNodes(alive)) {
            String[] fields = line.split(" ");
            if (fields[2].contains("master") && !fields[2].contains("fail") && fields.length > 8) {
                String address = fields[1].substring(0, fields[1].indexOf('@'));
                masters.add(HostAndPort.from(address));
            }
        }
        return masters;
    }

    /** Kills the node's process at once (SIGKILL), as a crash would: no goodbye to the cluster. */
    public void kill(HostAndPort node) {
        Process process = processes.get(node);
        process.destroyForcibly();
        Awaitility.await(node + " is dead").atMost(SETTLE).until(() -> !process.isAlive());
    }

    /**
     * Starts a killed node again, as an orchestrator restarts a crashed process: with its cluster configuration file
     * it rejoins, and a master whose slots went to its replica comes back as that replica's replica. Returns once
     * its new master counts it as an online replica.
     */
    public void restart(HostAndPort node) {
        processes.put(node, RedisBinary.start(binary, arguments.get(node)));
        awaitPing(node);
        Awaitility.await(node + " replicates again").atMost(SETTLE).ignoreExceptions().until(() -> {
            String replication = info(node, "replication");
            if (!replication.contains("role:slave") || !replication.contains("master_link_status:up")) {
                return false;
            }
            String master = replication.lines().filter(line -> line.startsWith("master_port:")).findFirst()
                    .orElseThrow().substring("master_port:".length()).trim();
            return info(new HostAndPort(node.getHost(), Integer.parseInt(master)), "replication")
                    .contains("port=" + node.getPort() + ",state=online");
        });
    }

    /** Waits until {@code master}'s slots are served by another node and every live node says cluster_state:ok. */
    public void awaitFailoverOf(HostAndPort master) {
        Awaitility.await("a replica of " + master + " took over its slots").atMost(SETTLE).ignoreExceptions()
                .until(() -> servingMasters().size() == initialMasters.size() && !servingMasters().contains(master)
                        && processes.entrySet().stream().filter(e -> e.getValue().isAlive())
                        .allMatch(e -> clusterStateOk(e.getKey())));
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
    }

    @Override
    public String toString() {
        return "Redis Cluster of " + processes.size() + " local nodes " + clusterNodesVariable();
    }
}
