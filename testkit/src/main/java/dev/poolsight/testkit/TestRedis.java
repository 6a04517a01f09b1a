package dev.poolsight.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The real Redis server every test of a JVM shares, found once, in this order:
 * <ol>
 *   <li>{@code REDIS_URL}, when set: an external server the tests must not flush;</li>
 *   <li>a container from {@code POOLSIGHT_TEST_REDIS_IMAGE} (default {@code redis:7.4}) when a Docker-compatible
 *       engine answers;</li>
 *   <li>a {@code redis-server} found on the PATH, started on a free loopback port;</li>
 *   <li>the Redis 6.2 binary bundled in embedded-redis.</li>
 * </ol>
 * {@code POOLSIGHT_TEST_REDIS=container|local|embedded} forces one kind. The kind is printed once, so a test log
 * always says which Redis it ran against. Tests keep apart by key prefix, never by flushing.
 */
public final class TestRedis {

    public static final String IMAGE_VARIABLE = "POOLSIGHT_TEST_REDIS_IMAGE";
    public static final String KIND_VARIABLE = "POOLSIGHT_TEST_REDIS";
    static final String DEFAULT_IMAGE = "redis:7.4";
    private static final int REDIS_PORT = 6379;

    private static volatile TestRedis shared;

    private final String kind;
    private final String host;
    private final int port;
    private final String version;

    private TestRedis(String kind, String host, int port) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.version = awaitVersion(host, port);
    }

    /** The server for this JVM, started on first use and stopped when the JVM exits. */
    public static TestRedis get() {
        TestRedis redis = shared;
        if (redis == null) {
            synchronized (TestRedis.class) {
                redis = shared;
                if (redis == null) {
                    redis = start();
                    System.out.println("[poolsight-testkit] Redis for these tests: " + redis);
                    shared = redis;
                }
            }
        }
        return redis;
    }

    private static TestRedis start() {
        String external = System.getenv("REDIS_URL");
        if (external != null && !external.isBlank()) {
            java.net.URI uri = java.net.URI.create(external);
            return new TestRedis("external server from REDIS_URL", uri.getHost(), uri.getPort() == -1 ? REDIS_PORT : uri.getPort());
        }
        String forced = Optional.ofNullable(System.getenv(KIND_VARIABLE)).orElse("").toLowerCase(Locale.ROOT);
        if (forced.isEmpty() || forced.equals("container")) {
            if (forced.equals("container") || containerEngineAnswers()) {
                return startContainer();
            }
        }
        if (forced.isEmpty() || forced.equals("local")) {
            Optional<Path> local = RedisBinary.onPath();
            if (local.isPresent()) {
                return startLocal(local.get());
            }
            if (forced.equals("local")) {
                throw new IllegalStateException(KIND_VARIABLE + "=local but there is no redis-server on the PATH");
            }
        }
        if (forced.isEmpty() || forced.equals("embedded")) {
            return startEmbedded();
        }
        throw new IllegalStateException(KIND_VARIABLE + "=" + forced
                + " is not a kind of Redis; accepted: container, local, embedded");
    }

    private static boolean containerEngineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noEngine) {
            return false;
        }
    }

    private static TestRedis startContainer() {
        String image = Optional.ofNullable(System.getenv(IMAGE_VARIABLE)).filter(s -> !s.isBlank()).orElse(DEFAULT_IMAGE);
        GenericContainer<?> container = new GenericContainer<>(image).withExposedPorts(REDIS_PORT);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "poolsight-testkit-stop-container"));
        return new TestRedis("Testcontainers, image " + image, container.getHost(), container.getMappedPort(REDIS_PORT));
    }

    private static TestRedis startLocal(Path binary) {
        int port = RedisBinary.freePort();
        RedisBinary.start(binary, List.of("--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no"));
        return new TestRedis("local redis-server at " + binary, "127.0.0.1", port);
    }

    private static TestRedis startEmbedded() {
        int port = RedisBinary.freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting; the child process dies with it
                }
            }, "poolsight-testkit-stop-embedded-redis"));
            return new TestRedis("embedded-redis bundled binary", "127.0.0.1", port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Redis", e);
        }
    }

    private static String awaitVersion(String host, int port) {
        String[] version = new String[1];
        Awaitility.await("Redis at " + host + ":" + port + " answers PING")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    try (Jedis jedis = new Jedis(host, port)) {
                        jedis.ping();
                        version[0] = jedis.info("server").lines()
                                .filter(line -> line.startsWith("redis_version:"))
                                .map(line -> line.substring("redis_version:".length()).trim())
                                .findFirst().orElse("unknown");
                        return true;
                    }
                });
        return version[0];
    }

    /** What kind of server this is, such as {@code local redis-server at /usr/bin/redis-server}. */
    public String kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The server's {@code redis_version}, such as {@code 7.0.15}. */
    public String version() {
        return version;
    }

    /** {@code redis://host:port}, for {@code REDIS_URL}. */
    public String url() {
        return "redis://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return kind + ", Redis " + version + " at " + url();
    }
}
