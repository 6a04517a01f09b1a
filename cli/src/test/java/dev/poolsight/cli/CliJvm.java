package dev.poolsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The poolsight command in a JVM of its own, as bin/poolsight starts it: {@code java -javaagent:... -jar
 * cli/target/poolsight.jar <args>}, or without the agent. Its output is collected as it comes, so that a test can
 * wait for a line while the command runs.
 */
final class CliJvm implements AutoCloseable {

    static final Path AGENT_JAR = Path.of(System.getProperty("poolsight.agent.jar", "../agent/target/poolsight-agent.jar"));
    static final Path CLI_JAR = Path.of(System.getProperty("poolsight.cli.jar", "target/poolsight.jar"));
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    static final Path TEST_CLASSES = Path.of("target", "test-classes");
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> removedVariables = new ArrayList<>();
    private Process process;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<Thread> pumps = new ArrayList<>();

    private CliJvm(Path java, String agentOptions, List<String> launch) {
        command.add(java.toString());
        if (agentOptions != null) {
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentOptions);
        }
        command.add("-Dpoolsight.agent.jar=" + AGENT_JAR.toAbsolutePath());
        command.addAll(launch);
    }

    /** With the agent attached at start-up, given {@code options} ({@code quiet} at least, as bin/poolsight does). */
    static CliJvm withAgent(String options) {
        return new CliJvm(JAVA, options, cliJar());
    }

    static CliJvm withoutAgent() {
        return withoutAgent(JAVA);
    }

    static CliJvm withoutAgent(Path java) {
        return new CliJvm(java, null, cliJar());
    }

    /** A test class's main, with the agent and the command's jar (and so its Jedis) on the class path. */
    static CliJvm mainWithAgent(Class<?> mainClass, String options) {
        return new CliJvm(JAVA, options, List.of("-cp", CLI_JAR.toAbsolutePath() + File.pathSeparator
                + TEST_CLASSES.toAbsolutePath(), mainClass.getName()));
    }

    private static List<String> cliJar() {
        return List.of("-jar", CLI_JAR.toAbsolutePath().toString());
    }

    CliJvm env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliJvm withoutEnv(String name) {
        removedVariables.add(name);
        return this;
    }

    CliJvm start(String... args) throws IOException {
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        removedVariables.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        process = builder.start();
        pumps.add(pump(process.getInputStream(), stdout));
        pumps.add(pump(process.getErrorStream(), stderr));
        return this;
    }

    private static Thread pump(InputStream from, ByteArrayOutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) != -1; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException processEnded) {
                // the stream closed with the process
            }
        }, "cli-jvm-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    long pid() {
        return process.pid();
    }

    String stdout() {
        synchronized (stdout) {
            return stdout.toString(StandardCharsets.UTF_8);
        }
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits until stderr holds {@code text}, which the command prints when it has come that far. */
    CliJvm awaitStderr(String text) {
        Awaitility.await("stderr of " + command + " shows " + text).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive() && !stderr().contains(text)) {
                        throw new AssertionError("the command ended (exit " + process.exitValue() + ") before "
                                + text + "; stderr:\n" + stderr());
                    }
                    return stderr().contains(text);
                });
        return this;
    }

    /** Waits for the command to end, within {@code limit}, and returns its exit code with everything it printed. */
    Result finish(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not end within " + limit + ": " + command + "\nstderr:\n" + stderr());
        }
        for (Thread pump : pumps) {
            pump.join(5_000);
        }
        return new Result(process.exitValue(), stdout(), stderr());
    }

    /** Like {@link #finish} and the exit code must be 0. */
    Result succeed(Duration limit) throws InterruptedException {
        Result result = finish(limit);
        assertThat(result.exitCode()).as("exit code of %s%nstdout:%n%s%nstderr:%n%s", command, result.stdout(),
                result.stderr()).isZero();
        return result;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
