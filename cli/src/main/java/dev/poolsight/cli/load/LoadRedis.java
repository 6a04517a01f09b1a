package dev.poolsight.cli.load;

import dev.poolsight.cli.CommandFailure;

import dev.poolsight.core.config.RedisSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.RedisServer;

/**
 * The Redis a load run talks to: the server of {@code REDIS_URL} when it is set, else one started for the run and
 * stopped after it, a {@code redis-server} from the PATH or else the binary bundled with embedded-redis.
 */
final class LoadRedis implements AutoCloseable {

    private final String url;
    private final String description;
    private final boolean startedForRun;
    private final AutoCloseable stop;

    private LoadRedis(String url, String description, boolean startedForRun, AutoCloseable stop) {
        this.url = url;
        this.description = description;
        this.startedForRun = startedForRun;
        this.stop = stop;
    }

    /** A server started for the run stops with it, Ctrl-C included. */
    private LoadRedis stoppedOnExit() {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeQuietly, "poolsight-load-stop-redis"));
            return this;
        } catch (IllegalStateException shuttingDown) {
            closeQuietly();
            throw new CommandFailure("stopped while starting Redis");
        }
    }

    static LoadRedis forRun(Map<String, String> environment, RedisSettings settings) {
        String external = environment.get(RedisSettings.REDIS_URL);
        if (external != null && !external.isBlank()) {
            requireAnswer(external, settings.url().server());
            return new LoadRedis(external, "the server of REDIS_URL, " + settings.url().server(), false, () -> { });
        }
        Optional<Path> local = onPath(environment.getOrDefault("PATH", ""));
        return local.isPresent() ? startLocal(local.get()) : startEmbedded();
    }

    /** A run against a server that does not answer would only count failures: it is refused at once instead. */
    private static void requireAnswer(String url, String server) {
        try (Jedis jedis = new Jedis(java.net.URI.create(url), (int) TimeUnit.SECONDS.toMillis(5))) {
            jedis.ping();
        } catch (JedisException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new CommandFailure("the Redis of REDIS_URL (" + server + ") does not answer: " + cause.getMessage());
        }
    }

    private static Optional<Path> onPath(String path) {
        for (String directory : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static LoadRedis startLocal(Path binary) {
        int port = freePort();
        try {
            Process process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            LoadRedis redis = new LoadRedis("redis://127.0.0.1:" + port, "", true, () -> {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            });
            return redis.started(binary + " (redis-server on the PATH)", process::isAlive);
        } catch (IOException e) {
            throw new CommandFailure("cannot start " + binary, e);
        }
    }

    private static LoadRedis startEmbedded() {
        int port = freePort();
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
            LoadRedis redis = new LoadRedis("redis://127.0.0.1:" + port, "", true, server::stop);
            return redis.started("the binary bundled with embedded-redis (no redis-server on the PATH)", () -> true);
        } catch (IOException e) {
            throw new CommandFailure("cannot start the Redis bundled with embedded-redis", e);
        }
    }

    /** Waits until the new server answers, then describes it with its version. */
    private LoadRedis started(String what, java.util.function.BooleanSupplier alive) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        java.net.URI uri = java.net.URI.create(url);
        while (true) {
            try (Jedis jedis = new Jedis(uri.getHost(), uri.getPort())) {
                String version = jedis.info("server").lines().filter(line -> line.startsWith("redis_version:"))
                        .map(line -> line.substring("redis_version:".length()).trim()).findFirst().orElse("?");
                return new LoadRedis(url, "Redis " + version + " started for this run on " + url + ": " + what,
                        true, stop).stoppedOnExit();
            } catch (JedisException notYet) {
                if (!alive.getAsBoolean() || System.nanoTime() > deadline) {
                    closeQuietly();
                    throw new CommandFailure("the Redis started for this run (" + what + ") did not answer on "
                            + url + " within 15 s");
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closeQuietly();
                    throw new CommandFailure("interrupted while starting Redis", e);
                }
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CommandFailure("no free loopback port for Redis", e);
        }
    }

    /** {@code redis://host:port}, or the user's own REDIS_URL, which may hold a password: not for printing. */
    String url() {
        return url;
    }

    /** What the server is, for the one line that says so; never with a password. */
    String description() {
        return description;
    }

    boolean startedForRun() {
        return startedForRun;
    }

    private void closeQuietly() {
        try {
            stop.close();
        } catch (Exception ignored) {
            // the server is being abandoned after a failed start; nothing more to do
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
