package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Starts a host application in a child JVM, with or without the agent, and collects its {@code RESULT key=value}
 * lines. The child's class path holds only the host classes and the libraries of one host folder, so the agent's
 * classes reach it only through {@code -javaagent}, as in production.
 */
final class HostJvm {

    static final Path AGENT_JAR = Path.of(System.getProperty("poolsight.agent.jar", "target/poolsight-agent.jar"));
    static final Path HOSTS = Path.of(System.getProperty("poolsight.hosts.dir", "target/hosts"));
    static final Path HOST_CLASSES = Path.of(System.getProperty("poolsight.host.classes", "target/test-classes"));
    static final Path JAVA_17 = Path.of(System.getProperty("java.home"), "bin", "java");
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    /** The longest a host may run. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final List<String> command = new ArrayList<>();
    private Process process;

    private HostJvm(Path java) {
        command.add(java.toString());
    }

    static HostJvm on(Path java) {
        return new HostJvm(java);
    }

    HostJvm jvmOptions(String... options) {
        command.addAll(List.of(options));
        return this;
    }

    HostJvm withAgent(String options) {
        command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + (options == null || options.isEmpty() ? "" : "=" + options));
        return this;
    }

    /** The host classes plus every jar of {@code target/hosts/<folder>}; no folder means host classes only. */
    HostJvm classPath(String hostFolder) {
        String path = HOST_CLASSES.toAbsolutePath().toString();
        if (hostFolder != null) {
            path += File.pathSeparator + HOSTS.resolve(hostFolder).toAbsolutePath() + File.separator + "*";
        }
        command.add("-cp");
        command.add(path);
        return this;
    }

    /** The host classes, every jar of {@code target/hosts/<folder>}, then {@code directory}. */
    HostJvm classPath(String hostFolder, Path directory) {
        classPath(hostFolder);
        int last = command.size() - 1;
        command.set(last, command.get(last) + File.pathSeparator + directory.toAbsolutePath());
        return this;
    }

    HostJvm main(String mainClass, Object... args) {
        command.add(mainClass);
        for (Object arg : args) {
            command.add(arg.toString());
        }
        return this;
    }

    /** Starts the host; whatever the test does with it, it is killed once {@link #TIMEOUT} has passed. */
    HostJvm start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(false).start();
        Process started = process;
        CompletableFuture.delayedExecutor(TIMEOUT.toMillis() + 10_000, TimeUnit.MILLISECONDS)
                .execute(started::destroyForcibly);
        return this;
    }

    long pid() {
        return process.pid();
    }

    /** Reads stdout until a line starting with {@code prefix}; the host prints it when it is ready. */
    String awaitLine(String prefix) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = process.getInputStream().read()) != -1) {
            if (c == '\n') {
                if (line.toString().startsWith(prefix)) {
                    return line.toString();
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        throw new IOException("the host ended before printing " + prefix + "; stderr: " + stderr());
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /**
     * Waits for the host to end, at most {@link #TIMEOUT}: a host that outlives it is killed and the test fails,
     * so a hung child never hangs the build.
     */
    Result finish() throws Exception {
        if (process == null) {
            start();
        }
        byte[][] streams = new byte[2][];
        Thread out = readInBackground(process.getInputStream(), streams, 0);
        Thread err = readInBackground(process.getErrorStream(), streams, 1);
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the host JVM did not finish within " + TIMEOUT + " and was killed: " + command);
        }
        out.join();
        err.join();
        Result result = new Result(process.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
        assertThat(result.exitCode()).as("exit code of %s%nstdout:%n%s%nstderr:%n%s", command, result.stdout(), result.stderr())
                .isZero();
        return result;
    }

    private static Thread readInBackground(InputStream in, byte[][] streams, int index) {
        Thread reader = new Thread(() -> streams[index] = readQuietly(in), "host-output-" + index);
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private String stderr() {
        return new String(readQuietly(process.getErrorStream()), StandardCharsets.UTF_8);
    }

    private static byte[] readQuietly(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** The agent's classes that an application must not be able to load (see host.ClassPathHost). */
    static java.util.List<String> agentPrivateClasses() {
        return dev.poolsight.agent.host.ClassPathHost.AGENT_PRIVATE;
    }

    /**
     * Skips the test when {@code java} is not installed; under CI ({@code CI=true}) fails it instead, since CI must
     * show that the agent works on every JDK it supports.
     */
    static void requireInstalled(String jdk, Path java) {
        if (!java.toFile().canExecute()) {
            String missing = "no Java " + jdk + " at " + java;
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(missing + ": CI must install it");
            }
            Assumptions.abort(missing);
        }
    }

    /** The JDKs the agent must work on, for parameterized tests; see {@link #requireInstalled}. */
    static Stream<Arguments> jdks() {
        return Stream.of(Arguments.of("17", JAVA_17), Arguments.of("25", JAVA_25));
    }

    record Result(int exitCode, String stdout, String stderr) {

        Map<String, String> results() {
            Map<String, String> results = new LinkedHashMap<>();
            stdout.lines().filter(line -> line.startsWith("RESULT ")).forEach(line -> {
                int equals = line.indexOf('=');
                results.put(line.substring("RESULT ".length(), equals), line.substring(equals + 1));
            });
            return results;
        }

        String get(String key) {
            String value = results().get(key);
            assertThat(value).as("RESULT %s in%n%s%nstderr:%n%s", key, stdout, stderr).isNotNull();
            return value;
        }

        long count(String key) {
            return Long.parseLong(get(key));
        }

        double number(String key) {
            return Double.parseDouble(get(key));
        }
    }
}
