package dev.poolsight.agent.prometheus.server;

import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RedisCommandRecorder;
import dev.poolsight.jmx.RedisCommandStats;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;

/**
 * The Redis commands of every pool that has sent any, read from its {@link RedisCommandRecorder} when Prometheus
 * scrapes: the numbers of the RedisCommands MBean. Labels {@code pool} (the pool's MBean name) and {@code command}
 * (at most 64 names and {@code other}), and for errors {@code kind}: {@code timeout}, {@code connection},
 * {@code error_reply} or {@code other}.
 */
final class RedisCommandMetrics implements MultiCollector {

    private final PoolRegistry registry;

    RedisCommandMetrics(PoolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MetricSnapshots collect() {
        HistogramSnapshot.Builder seconds = HistogramSnapshot.builder().name("poolsight_redis_command_seconds")
                .help("How long Redis commands took, from sending to the reply or failure, since the pool started; "
                        + "a pipeline and a transaction count once each")
                .unit(Unit.SECONDS);
        CounterSnapshot.Builder errors = CounterSnapshot.builder().name("poolsight_redis_command_errors")
                .help("Redis commands that failed since the pool started, by kind: timeout, connection, "
                        + "error_reply (an error answer from Redis) or other");
        for (PoolRecorder pool : registry.recorders()) {
            RedisCommandRecorder commands = pool.redisCommandsIfAny();
            if (commands == null) {
                continue;
            }
            List<RedisCommandStats> rows = commands.snapshot();
            for (RedisCommandStats row : rows) {
                Labels labels = Labels.of("pool", pool.name(), "command", row.command());
                seconds.dataPoint(HistogramDataPointSnapshot.builder().labels(labels)
                        .classicHistogramBuckets(PoolMetrics.classic(row.buckets()))
                        .sum(row.buckets().sumSeconds())
                        .build());
                errors.dataPoint(error(labels, "timeout", row.timeouts()));
                errors.dataPoint(error(labels, "connection", row.connectionErrors()));
                errors.dataPoint(error(labels, "error_reply", row.errorReplies()));
                errors.dataPoint(error(labels, "other", row.otherErrors()));
            }
        }
        return new MetricSnapshots(seconds.build(), errors.build());
    }

    private static CounterDataPointSnapshot error(Labels labels, String kind, long count) {
        return CounterDataPointSnapshot.builder().labels(labels.add("kind", kind)).value(count).build();
    }
}
