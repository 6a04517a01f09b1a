package dev.poolsight.grafana;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The host application in a child JVM with the agent: {@code -javaagent:<agent jar>=<options>} and a class path of
 * the host classes and core's run-time libraries only, as in production. It is killed if it outlives its timeout.
 */
final class ChildJvm implements AutoCloseable {

    static final Path AGENT_JAR = Path.of(System.getProperty("poolsight.agent.jar", "../agent/target/poolsight-agent.jar"));
    private static final String HOST = "dev.poolsight.grafana.host.PoolWorkloadHost";

    private final Process process;
    private final BufferedReader stdout;
    private final StringBuilder stdoutSeen = new StringBuilder();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread stderrReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderrReader = new Thread(() -> copy(process.getErrorStream(), stderr), "child-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    /** Starts {@code PoolWorkloadHost <args>} with the agent and {@code agentOptions}, and {@code environment} added. */
    static ChildJvm start(String agentOptions, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentOptions);
        command.add("-cp");
        command.add(System.getProperty("poolsight.host.class.path"));
        command.add(HOST);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    /** Reads stdout up to a line starting with {@code prefix}, and returns that line. */
    String awaitLine(String prefix) throws IOException {
        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
            stdoutSeen.append(line).append('\n');
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the host ended before printing " + prefix + "; stdout:\n" + stdoutSeen + "stderr:\n" + stderr());
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Waits for the end; returns stdout from where the reads stopped. Fails if it takes over a minute or fails. */
    String finish() throws IOException, InterruptedException {
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the host did not end within a minute; stderr:\n" + stderr());
        }
        stderrReader.join(TimeUnit.SECONDS.toMillis(10));
        if (process.exitValue() != 0) {
            throw new AssertionError("the host exited with " + process.exitValue() + "; stderr:\n" + stderr());
        }
        return stdoutSeen + rest;
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        byte[] buffer = new byte[4096];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
