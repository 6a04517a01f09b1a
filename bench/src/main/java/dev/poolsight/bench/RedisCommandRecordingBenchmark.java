package dev.poolsight.bench;

import dev.poolsight.jmx.PoolGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.RecorderSettings;
import dev.poolsight.jmx.RedisCommandNames;
import dev.poolsight.jmx.RedisCommandRecorder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the agent's command timing does around each Redis command, without Redis: the work of RedisHooks (a
 * thread-local read, two clock reads, the command's index by identity, a write into the thread's buffer), against
 * the two clock reads alone. Isolates the cost that a pooled GET over loopback (tens of microseconds, spread by
 * tens of percent between forks) cannot resolve.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class RedisCommandRecordingBenchmark {

    /** Stands for Jedis' Protocol.Command, an enum constant per command. */
    enum Command { GET }

    private final ThreadLocal<PoolRecorder[]> lent = ThreadLocal.withInitial(() -> new PoolRecorder[1]);

    @Setup
    public void setUp() {
        lent.get()[0] = new PoolRecorder("redis://bench:6379", PoolGauges.fixed(0, 0, 0, 8, 8), RecorderSettings.defaults(),
                System::nanoTime);
    }

    @Benchmark
    public long clockReadsOnly() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    @Benchmark
    public long timedCommand() {
        long start = lent.get()[0] == null ? Long.MIN_VALUE : System.nanoTime();
        long nanos = System.nanoTime() - start;
        PoolRecorder pool = lent.get()[0];
        pool.redisCommands().record(RedisCommandNames.global().indexOf(Command.GET), RedisCommandRecorder.OK, nanos);
        return nanos;
    }
}
