package dev.poolsight.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * A real Sentinel set-up of local {@code redis-server} processes on free loopback ports: a master, replicas of it,
 * and three Sentinels ({@code redis-server --sentinel}) with a quorum of two that call a master down after one
 * second without an answer.
 *
 * <p>Always local processes, for the reason {@link TestRedisCluster} gives: Sentinels tell clients the master's
 * address as the master announces it, which from a container is not one the test's JVM can reach.
 */
public final class TestRedisSentinel implements AutoCloseable {

    public static final String MASTER_NAME = "poolsight";
    private static final int SENTINELS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final Map<HostAndPort, Process> servers = new LinkedHashMap<>();
    private final Map<HostAndPort, Process> sentinels = new LinkedHashMap<>();
    private HostAndPort initialMaster;

    private TestRedisSentinel() {
    }

    /** Starts a master with {@code replicas} replicas and three Sentinels; returns once all know each other. */
    public static TestRedisSentinel start(int replicas) {
        TestRedisSentinel setUp = new TestRedisSentinel();
        try {
            setUp.build(replicas);
            return setUp;
        } catch (RuntimeException | Error e) {
            setUp.close();
            throw e;
        }
    }

    private void build(int replicas) {
        Path binary = RedisBinary.find();
        Path dir = RedisBinary.temporaryDirectory("sentinel");
        initialMaster = startServer(binary, dir, List.of());
        for (int r = 0; r < replicas; r++) {
            startServer(binary, dir, List.of("--replicaof", initialMaster.getHost(),
                    Integer.toString(initialMaster.getPort())));
        }
        Awaitility.await("the master has " + replicas + " online replicas").atMost(SETTLE).ignoreExceptions()
                .until(() -> onlineReplicas(initialMaster) == replicas);
        for (int s = 0; s < SENTINELS; s++) {
            int port = RedisBinary.freePort();
            Path config = dir.resolve("sentinel-" + port + ".conf");
            write(config, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "protected-mode no",
                    "dir " + dir,
                    "logfile sentinel-" + port + ".log",
                    "sentinel monitor " + MASTER_NAME + " " + initialMaster.getHost() + " "
                            + initialMaster.getPort() + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
                    "sentinel failover-timeout " + MASTER_NAME + " 10000",
                    "sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
            sentinels.put(new HostAndPort("127.0.0.1", port),
                    RedisBinary.start(binary, List.of(config.toString(), "--sentinel")));
        }
        Awaitility.await("every Sentinel knows the master, its replicas and the other Sentinels").atMost(SETTLE)
                .ignoreExceptions()
                .until(() -> sentinels.keySet().stream().allMatch(sentinel -> {
                    try (Jedis jedis = new Jedis(sentinel)) {
                        return jedis.sentinelReplicas(MASTER_NAME).size() == replicas
                                && jedis.sentinelSentinels(MASTER_NAME).size() == SENTINELS - 1;
                    }
                }));
    }

    private HostAndPort startServer(Path binary, Path dir, List<String> more) {
        int port = RedisBinary.freePort();
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--protected-mode", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--logfile", "server-" + port + ".log", "--repl-diskless-sync", "yes",
                "--repl-diskless-sync-delay", "0"));
        arguments.addAll(more);
        HostAndPort server = new HostAndPort("127.0.0.1", port);
        servers.put(server, RedisBinary.start(binary, arguments));
        return server;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static long onlineReplicas(HostAndPort master) {
        try (Jedis jedis = new Jedis(master)) {
            return jedis.info("replication").lines()
                    .filter(line -> line.startsWith("slave") && line.contains("state=online"))
                    .count();
        }
    }

    /** The Sentinels, as {@code REDIS_SENTINELS} takes them: {@code host:port,host:port}. */
    public String sentinelsVariable() {
        return sentinels.keySet().stream().map(HostAndPort::toString).collect(Collectors.joining(","));
    }

    public HostAndPort initialMaster() {
        return initialMaster;
    }

    /** The master as the first Sentinel that answers names it. */
    public HostAndPort currentMaster() {
        for (HostAndPort sentinel : sentinels.keySet()) {
            try (Jedis jedis = new Jedis(sentinel)) {
                List<String> address = jedis.sentinelGetMasterAddrByName(MASTER_NAME);
                return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
            } catch (RuntimeException tryTheNext) {
                // a Sentinel may be busy electing; another answers
            }
        }
        throw new IllegalStateException("no Sentinel of " + sentinelsVariable() + " answers");
    }

    /** Kills the server's process at once (SIGKILL), as a crash would. */
    public void kill(HostAndPort server) {
        Process process = servers.get(server);
        process.destroyForcibly();
        Awaitility.await(server + " is dead").atMost(SETTLE).until(() -> !process.isAlive());
    }

    /** Waits until the Sentinels name another master than {@code dead} and it answers as a master with a replica. */
    public HostAndPort awaitFailoverFrom(HostAndPort dead) {
        HostAndPort[] elected = new HostAndPort[1];
        Awaitility.await("the Sentinels elected a master instead of " + dead).atMost(SETTLE).ignoreExceptions()
                .until(() -> {
                    HostAndPort master = currentMaster();
                    if (master.equals(dead)) {
                        return false;
                    }
                    try (Jedis jedis = new Jedis(master)) {
                        elected[0] = master;
                        return jedis.info("replication").contains("role:master") && onlineReplicas(master) >= 1;
                    }
                });
        return elected[0];
    }

    @Override
    public void close() {
        sentinels.values().forEach(Process::destroyForcibly);
        servers.values().forEach(Process::destroyForcibly);
    }

    @Override
    public String toString() {
        return "Sentinels " + sentinelsVariable() + " watching " + MASTER_NAME + " with " + servers.size()
                + " local servers";
    }
}
