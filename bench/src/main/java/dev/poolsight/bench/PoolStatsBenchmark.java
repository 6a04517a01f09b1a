package dev.poolsight.bench;

import dev.poolsight.jmx.PoolGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading the {@code PoolStats} of 100 pools, the first thing a Prometheus scrape does (and what a JMX client's
 * read of a Pool MBean costs per pool): with waits and holds in one slice of the window (a pool that has just
 * started) or in all six (a pool under steady traffic), spread from 20 us to 50 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class PoolStatsBenchmark {

    private static final int POOLS = 100;
    private static final int VALUES_PER_SLICE = 1_000;

    @Param({"1", "6"})
    public int slicesWithValues;

    private final AtomicLong clock = new AtomicLong();
    private final List<Object> pools = new ArrayList<>();
    private PoolRegistry registry;

    @Setup(Level.Trial)
    public void setUp() {
        RecorderSettings settings = RecorderSettings.defaults();
        registry = new PoolRegistry(settings, clock::get);
        for (int i = 0; i < POOLS; i++) {
            Object pool = new Object();
            pools.add(pool);
            registry.register(pool, "pool-" + i, PoolGauges.fixed(4, 4, 0, 8, 8));
        }
        for (int slice = 0; slice < slicesWithValues; slice++) {
            for (PoolRecorder recorder : registry.recorders()) {
                for (int i = 0; i < VALUES_PER_SLICE; i++) {
                    long nanos = 20_000 + (i % 500) * 100_000L;
                    recorder.borrowSucceeded(null, nanos);
                    recorder.returned(null);
                    recorder.held(2 * nanos);
                }
            }
            registry.advanceWindows();
            if (slice < slicesWithValues - 1) {
                clock.addAndGet(settings.sliceLength().toNanos());
            }
        }
    }

    @Benchmark
    public void statsOf100Pools(Blackhole blackhole) {
        for (PoolRecorder recorder : registry.recorders()) {
            blackhole.consume(recorder.stats());
        }
    }
}
