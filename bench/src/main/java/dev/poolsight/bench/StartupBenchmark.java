package dev.poolsight.bench;

import dev.poolsight.testkit.TestRedis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The wall time of a whole small Jedis application (start the JVM, build a pool, one PING, exit), with and
 * without the agent, side by side in one run. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 20)
@Fork(1)
public class StartupBenchmark {

    private static final Path AGENT = Path.of("agent/target/poolsight-agent.jar");

    private List<String> withoutAgent;
    private List<String> withAgent;

    @Setup(Level.Trial)
    public void setUp() {
        TestRedis redis = TestRedis.get();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        withoutAgent = List.of(java, "-cp", classPath, SmallJedisApp.class.getName(), redis.host(), Integer.toString(redis.port()));
        withAgent = new ArrayList<>(withoutAgent);
        withAgent.add(1, "-javaagent:" + AGENT.toAbsolutePath() + "=quiet");
    }

    @Benchmark
    public int smallJedisAppWithoutAgent() throws Exception {
        return run(withoutAgent);
    }

    @Benchmark
    public int smallJedisAppWithAgent() throws Exception {
        return run(withAgent);
    }

    private static int run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the small Jedis application failed: " + command);
        }
        return exit;
    }
}
