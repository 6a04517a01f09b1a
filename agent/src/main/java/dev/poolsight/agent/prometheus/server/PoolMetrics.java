package dev.poolsight.agent.prometheus.server;

import dev.poolsight.jmx.LatencyBuckets;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.PoolStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The pools' metrics, read from each recorder's {@link PoolStats} when Prometheus scrapes, so that they are the
 * MBeans' numbers and a scrape costs the borrow path nothing. Label {@code pool} is the pool's MBean name.
 *
 * <p>A gauge the pool cannot tell (an unbounded pool's size limit and utilization, a gauge that could not be read)
 * is left out rather than sent as -1 or NaN, which a dashboard would draw as a value.
 */
final class PoolMetrics implements MultiCollector {

    private final PoolRegistry registry;

    PoolMetrics(PoolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        List<PoolStats> pools = new ArrayList<>();
        for (PoolRecorder recorder : registry.recorders()) {
            pools.add(recorder.stats());
        }
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(connections(pools));
        families.add(gauge(pools, "poolsight_pool_max_connections", "The pool's size limit (maxTotal)",
                null, s -> s.maxTotal() > 0 ? s.maxTotal() : Double.NaN));
        families.add(gauge(pools, "poolsight_pool_max_idle_connections", "The pool's idle limit (maxIdle)",
                null, s -> s.maxIdle() >= 0 ? s.maxIdle() : Double.NaN));
        families.add(gauge(pools, "poolsight_pool_pending_threads", "Threads waiting to borrow now",
                null, s -> s.numWaiters() >= 0 ? s.numWaiters() : Double.NaN));
        families.add(gauge(pools, "poolsight_pool_utilization_ratio", "Active connections over the size limit, 0 to 1",
                Unit.RATIO, PoolStats::utilization));
        families.add(gauge(pools, "poolsight_pool_peak_utilization_ratio",
                "The most connections lent out at once since start, over the size limit", Unit.RATIO,
                PoolStats::peakUtilization));
        families.add(gauge(pools, "poolsight_pool_leak_suspects",
                "Connections held longer than the leak threshold now; 0 when leak detection is off", null,
                PoolStats::leakSuspectCount));
        families.add(counter(pools, "poolsight_pool_borrows", "Successful borrows since start", PoolStats::borrowCount));
        families.add(counter(pools, "poolsight_pool_returns", "Connections returned since start", PoolStats::returnCount));
        families.add(counter(pools, "poolsight_pool_invalidations",
                "Connections invalidated (destroyed instead of returned) since start", PoolStats::invalidateCount));
        families.add(counter(pools, "poolsight_pool_exhaustions",
                "Borrows that found the pool exhausted: the wait timed out or the caller could not wait",
                PoolStats::exhaustionCount));
        families.add(counter(pools, "poolsight_pool_borrow_failures",
                "Borrows that failed otherwise: a connection could not be created, activated or validated",
                PoolStats::borrowFailureCount));
        families.add(histogram(pools, "poolsight_pool_wait_seconds",
                "How long borrow calls waited for a connection, whatever their outcome, since start",
                PoolStats::waitTimeBuckets));
        families.add(histogram(pools, "poolsight_pool_hold_seconds",
                "How long connections were held, from borrow to return, since start", PoolStats::holdTimeBuckets));
        return new MetricSnapshots(families);
    }

    private static Labels pool(PoolStats stats) {
        return Labels.of("pool", stats.name());
    }

    private static GaugeSnapshot connections(List<PoolStats> pools) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name("poolsight_pool_connections")
                .help("Connections of the pool now, by state: active (lent out) or idle");
        for (PoolStats stats : pools) {
            if (stats.numActive() >= 0) {
                family.dataPoint(point(pool(stats).add("state", "active"), stats.numActive()));
            }
            if (stats.numIdle() >= 0) {
                family.dataPoint(point(pool(stats).add("state", "idle"), stats.numIdle()));
            }
        }
        return family.build();
    }

    private static GaugeSnapshot gauge(List<PoolStats> pools, String name, String help, Unit unit,
            ToDoubleFunction<PoolStats> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            family.unit(unit);
        }
        for (PoolStats stats : pools) {
            double v = value.applyAsDouble(stats);
            if (!Double.isNaN(v)) {
                family.dataPoint(point(pool(stats), v));
            }
        }
        return family.build();
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static CounterSnapshot counter(List<PoolStats> pools, String name, String help,
            ToDoubleFunction<PoolStats> value) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        for (PoolStats stats : pools) {
            family.dataPoint(CounterDataPointSnapshot.builder().labels(pool(stats)).value(value.applyAsDouble(stats)).build());
        }
        return family.build();
    }

    private static HistogramSnapshot histogram(List<PoolStats> pools, String name, String help,
            Function<PoolStats, LatencyBuckets> buckets) {
        HistogramSnapshot.Builder family = HistogramSnapshot.builder().name(name).help(help).unit(Unit.SECONDS);
        for (PoolStats stats : pools) {
            LatencyBuckets counted = buckets.apply(stats);
            family.dataPoint(HistogramDataPointSnapshot.builder()
                    .labels(pool(stats))
                    .classicHistogramBuckets(classic(counted))
                    .sum(counted.sumSeconds())
                    .build());
        }
        return family.build();
    }

    /** The recorder's buckets as the client's: per-bucket counts, which the writers make cumulative. */
    static ClassicHistogramBuckets classic(LatencyBuckets counted) {
        int size = LatencyBuckets.bucketCount();
        double[] bounds = new double[size];
        long[] counts = new long[size];
        for (int i = 0; i < size; i++) {
            bounds[i] = LatencyBuckets.upperBoundSeconds(i);
            counts[i] = counted.count(i);
        }
        return ClassicHistogramBuckets.of(bounds, counts);
    }
}
