package dev.poolsight.core.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * A Redis server of one test's own, which the test may pause, stop and start again on the same port without
 * disturbing the shared one. Every write is synced to an append-only file, so that a restart loses nothing, as a
 * production Redis with persistence would.
 */
final class OwnRedis implements AutoCloseable {

    private final Path directory;
    private final int port;
    private RedisServer server;

    OwnRedis() {
        try {
            this.directory = Files.createTempDirectory("poolsight-own-redis");
            try (ServerSocket socket = new ServerSocket(0)) {
                this.port = socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + directory).setting("save \"\"")
                    .setting("appendonly yes").setting("appendfsync always").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Redis of the test's own", e);
        }
    }

    /** Stops the server as an operator would (SIGTERM): it finishes writing its file and closes every connection. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server.isActive()) {
            server.stop();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
