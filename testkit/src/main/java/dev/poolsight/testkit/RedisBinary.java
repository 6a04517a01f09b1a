package dev.poolsight.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import redis.embedded.core.ExecutableProvider;

/**
 * The {@code redis-server} binary that fixtures start processes of: the one on the PATH, else the Redis 6.2 binary
 * bundled in embedded-redis, so that a machine with only a JDK runs the same tests.
 */
final class RedisBinary {

    private RedisBinary() {
    }

    static Optional<Path> onPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The binary on the PATH, else the bundled one, unpacked to a temporary file. */
    static Path find() {
        return onPath().orElseGet(() -> {
            try {
                return ExecutableProvider.newJarResourceProvider().get().toPath();
            } catch (IOException e) {
                throw new UncheckedIOException("no redis-server on the PATH, and the bundled one cannot be unpacked",
                        e);
            }
        });
    }

    /** Starts {@code redis-server} with {@code arguments}, its output discarded, killed when the JVM exits. */
    static Process start(Path binary, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "poolsight-testkit-stop-redis"));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a test Redis", e);
        }
    }

    /**
     * A free port whose cluster bus port, 10000 higher, is free too (Redis 6.2 has no cluster-port setting to choose
     * another). Both are drawn below Linux's ephemeral range (from 32768), so that no outgoing connection takes one
     * between this check and the server's bind.
     */
    static int freeClusterPort() {
        Random random = new Random();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 10_000 + random.nextInt(32_768 - 20_000);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free pair of ports (port and port + 10000) for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static Path temporaryDirectory(String purpose) {
        try {
            Path dir = Files.createTempDirectory("poolsight-" + purpose);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for " + purpose, e);
        }
    }
}
