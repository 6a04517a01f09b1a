package dev.poolsight.agent.prometheus.server;

import dev.poolsight.jmx.AgentHealth;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * The memory stores' own operation times, read from their MBeans ({@code dev.poolsight:type=MemoryStore,*}) by
 * attribute and item name when Prometheus scrapes, as the token counters' are: the endpoint needs none of core's
 * classes. Labels {@code store} (the store's MBean name) and {@code operation}.
 */
final class MemoryStoreMetrics implements MultiCollector {

    static final String PATTERN = "dev.poolsight:type=MemoryStore,*";

    private final MBeanServer server;
    private final ObjectName pattern;

    MemoryStoreMetrics(MBeanServer server) {
        this.server = server;
        this.pattern = MBeanPattern.of(PATTERN);
    }

    /**
     * A summary without quantiles, count and sum since the store started: {@code rate(_sum) / rate(_count)} is the
     * mean over any range.
     */
    @Override
    public MetricSnapshots collect() {
        SummarySnapshot.Builder family = SummarySnapshot.builder().name("poolsight_memory_operation_seconds")
                .help("How long the memory store's operations took on the caller's side, since the store started")
                .unit(Unit.SECONDS);
        for (ObjectName name : server.queryNames(pattern, null)) {
            try {
                String store = name.getKeyProperty("name");
                for (CompositeData row : (CompositeData[]) server.getAttribute(name, "Operations")) {
                    family.dataPoint(SummaryDataPointSnapshot.builder()
                            .labels(Labels.of("store", store, "operation", (String) row.get("operation")))
                            .count((Long) row.get("count"))
                            .sum((Double) row.get("totalMillis") / 1_000)
                            .build());
                }
            } catch (JMException | RuntimeException e) {
                // A store closed between the query and the read, or an MBean that is not ours: the rest still count.
                AgentHealth.failure("read memory store MBean", e);
            }
        }
        return new MetricSnapshots(family.build());
    }
}
