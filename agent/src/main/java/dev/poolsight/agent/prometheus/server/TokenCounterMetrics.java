package dev.poolsight.agent.prometheus.server;

import dev.poolsight.jmx.AgentHealth;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The token counters' metrics, read from their MBeans ({@code dev.poolsight:type=TokenCounter,*}) by attribute name
 * when Prometheus scrapes: whatever embeds a counter registers its MBean, and the endpoint needs none of its
 * classes. Label {@code counter} is the counter's name.
 */
final class TokenCounterMetrics implements MultiCollector {

    static final String PATTERN = "dev.poolsight:type=TokenCounter,*";
    private static final List<String> REQUIRED = List.of("Name", "QueueDepth", "QueueCapacity", "SubmittedCount",
        "CompletedCount", "FallbackCount", "ErrorCount", "CountLatencyMeanMillis");
    /** Added later: a counter of an older core has none, and reads as 0. */
    private static final String COUNTED_AT_ONCE = "CountedAtOnceCount";
    private static final String[] ATTRIBUTES = attributes();

    private final MBeanServer server;
    private final ObjectName pattern;

    TokenCounterMetrics(MBeanServer server) {
        this.server = server;
        this.pattern = MBeanPattern.of(PATTERN);
    }

    @Override
    public MetricSnapshots collect() {
        List<Counter> counters = new ArrayList<>();
        for (ObjectName name : server.queryNames(pattern, null)) {
            try {
                counters.add(Counter.read(server, name));
            } catch (JMException | RuntimeException e) {
                // A counter closed between the query and the read, or one that is not ours: the rest still count.
                AgentHealth.failure("read token counter MBean", e);
            }
        }
        List<MetricSnapshot> families = new ArrayList<>();
        families.add(gauge(counters, "poolsight_token_queue_depth", "Messages waiting for an exact token count now",
                Counter::queueDepth));
        families.add(gauge(counters, "poolsight_token_queue_capacity",
                "The most messages that may wait; beyond it, messages keep their estimated count", Counter::queueCapacity));
        families.add(counter(counters, "poolsight_token_counted_at_once",
                "Messages whose exact count was known at once, all their words counted lately, and stored without an "
                + "estimate, since start", Counter::countedAtOnce));
        families.add(counter(counters, "poolsight_token_submitted", "Messages accepted for exact counting since start",
                Counter::submitted));
        families.add(counter(counters, "poolsight_token_counted", "Exact counts computed and handed on since start",
                Counter::completed));
        families.add(counter(counters, "poolsight_token_fallbacks",
                "Messages that kept their estimated count since start: the queue was full or the counter closed",
                Counter::fallbacks));
        families.add(counter(counters, "poolsight_token_errors", "Exact counts that failed since start",
                Counter::errors));
        families.add(countTime(counters));
        return new MetricSnapshots(families);
    }

    private static GaugeSnapshot gauge(List<Counter> counters, String name, String help, ToDoubleFunction<Counter> value) {
        GaugeSnapshot.Builder family = GaugeSnapshot.builder().name(name).help(help);
        for (Counter counter : counters) {
            family.dataPoint(GaugeDataPointSnapshot.builder().labels(counter.labels()).value(value.applyAsDouble(counter)).build());
        }
        return family.build();
    }

    private static CounterSnapshot counter(List<Counter> counters, String name, String help, ToDoubleFunction<Counter> value) {
        CounterSnapshot.Builder family = CounterSnapshot.builder().name(name).help(help);
        for (Counter counter : counters) {
            family.dataPoint(CounterDataPointSnapshot.builder().labels(counter.labels()).value(value.applyAsDouble(counter)).build());
        }
        return family.build();
    }

    /**
     * A summary without quantiles: the MBean gives the mean over every finished count (exact or failed), so count and
     * sum are those counts and mean times count; {@code rate(_sum) / rate(_count)} is then the mean over any range.
     */
    private static SummarySnapshot countTime(List<Counter> counters) {
        SummarySnapshot.Builder family = SummarySnapshot.builder().name("poolsight_token_count_seconds")
                .help("Time from submission to the exact count being handed on, since start").unit(Unit.SECONDS);
        for (Counter counter : counters) {
            long finished = counter.completed() + counter.errors();
            family.dataPoint(SummaryDataPointSnapshot.builder().labels(counter.labels())
                    .count(finished).sum(counter.meanMillis() / 1_000 * finished).build());
        }
        return family.build();
    }

    private static String[] attributes() {
        List<String> all = new ArrayList<>(REQUIRED);
        all.add(COUNTED_AT_ONCE);
        return all.toArray(String[]::new);
    }

    /** One counter's attributes, read in one call. */
    private record Counter(String name, int queueDepth, int queueCapacity, long countedAtOnce, long submitted,
            long completed, long fallbacks, long errors, double meanMillis) {

        static Counter read(MBeanServer server, ObjectName objectName) throws JMException {
            Map<String, Object> values = new HashMap<>();
            for (Attribute attribute : server.getAttributes(objectName, ATTRIBUTES).asList()) {
                values.put(attribute.getName(), attribute.getValue());
            }
            if (!values.keySet().containsAll(REQUIRED)) {
                throw new JMException(objectName + " lacks some of the token counter attributes");
            }
            return new Counter((String) values.get("Name"), number(values, "QueueDepth").intValue(),
                    number(values, "QueueCapacity").intValue(),
                    values.containsKey(COUNTED_AT_ONCE) ? number(values, COUNTED_AT_ONCE).longValue() : 0,
                    number(values, "SubmittedCount").longValue(),
                    number(values, "CompletedCount").longValue(), number(values, "FallbackCount").longValue(),
                    number(values, "ErrorCount").longValue(), number(values, "CountLatencyMeanMillis").doubleValue());
        }

        private static Number number(Map<String, Object> values, String attribute) {
            return (Number) values.get(attribute);
        }

        Labels labels() {
            return Labels.of("counter", name);
        }
    }
}
