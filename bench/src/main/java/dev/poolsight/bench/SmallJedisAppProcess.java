package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@link SmallJedisApp} as a process of its own, started with or without the agent; run from the repository root. */
final class SmallJedisAppProcess {

    private static final Path AGENT = Path.of("agent/target/poolsight-agent.jar");

    /** One run: its wall time, from the start of the process to its end, and its peak resident memory. */
    record Run(double wallMillis, long peakRssKiB) {
    }

    private final List<String> command;

    private SmallJedisAppProcess(List<String> command) {
        this.command = command;
    }

    static SmallJedisAppProcess withoutAgent(TestRedis redis) {
        return new SmallJedisAppProcess(baseCommand(redis));
    }

    /** With an agent that does nothing ({@link NoOpAgent}): what any agent costs; the app does not wait for MBeans. */
    static SmallJedisAppProcess withNoOpAgent(TestRedis redis) {
        List<String> command = baseCommand(redis);
        command.add(1, "-javaagent:" + NoOpAgent.jar());
        return new SmallJedisAppProcess(command);
    }

    static SmallJedisAppProcess withAgent(TestRedis redis) {
        List<String> command = baseCommand(redis);
        command.add(1, "-javaagent:" + AGENT.toAbsolutePath() + "=quiet");
        command.add("withAgent");
        return new SmallJedisAppProcess(command);
    }

    private static List<String> baseCommand(TestRedis redis) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SmallJedisApp.class.getName(), redis.host(), Integer.toString(redis.port())));
    }

    Run run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wallMillis = (System.nanoTime() - start) / 1e6;
        if (exit != 0) {
            throw new IllegalStateException("the small Jedis application failed: " + command + "\n" + output);
        }
        long peak = output.lines().filter(line -> line.startsWith("peakRssKiB="))
                .mapToLong(line -> Long.parseLong(line.substring("peakRssKiB=".length()))).findFirst().orElse(-1);
        return new Run(wallMillis, peak);
    }
}
