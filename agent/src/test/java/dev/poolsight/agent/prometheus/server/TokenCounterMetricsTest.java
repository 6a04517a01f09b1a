package dev.poolsight.agent.prometheus.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

/** Reads token counter MBeans registered in a real MBean server, by the attribute names of TokenCounterMXBean. */
class TokenCounterMetricsTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void everyTokenCounterMBeanBecomesLabelledSeries() throws Exception {
        register("memory", new Counter("memory", 3, 1_000, 120, 100, 15, 2, 4.0));

        assertThat(scrape()).contains(
                "poolsight_token_queue_depth{counter=\"memory\"} 3.0",
                "poolsight_token_queue_capacity{counter=\"memory\"} 1000.0",
                "poolsight_token_submitted_total{counter=\"memory\"} 120.0",
                "poolsight_token_counted_total{counter=\"memory\"} 100.0",
                "poolsight_token_fallbacks_total{counter=\"memory\"} 15.0",
                "poolsight_token_errors_total{counter=\"memory\"} 2.0",
                "poolsight_token_count_seconds_count{counter=\"memory\"} 102",
                "poolsight_token_count_seconds_sum{counter=\"memory\"} 0.408");
    }

    @Test
    void anMBeanWithoutTheAttributesIsSkippedAndTheOthersStillCount() throws Exception {
        register("memory", new Counter("memory", 0, 10, 1, 1, 0, 0, 1.0));
        server.registerMBean(new StandardMBean(() -> 1, OtherMXBean.class, true),
                new ObjectName("dev.poolsight:type=TokenCounter,name=other"));

        assertThat(scrape()).contains("poolsight_token_submitted_total{counter=\"memory\"} 1.0")
                .doesNotContain("counter=\"other\"");
    }

    @Test
    void messagesCountedAtOnceAreACounterOfTheirOwnAndZeroForACounterThatDoesNotSayIt() throws Exception {
        server.registerMBean(new StandardMBean(new Counter("memory", 0, 10, 5, 5, 0, 0, 1.0, 40),
                CountingAtOnceMXBean.class, true), new ObjectName("dev.poolsight:type=TokenCounter,name=memory"));
        register("older", new Counter("older", 0, 10, 1, 1, 0, 0, 1.0));

        assertThat(scrape()).contains("poolsight_token_counted_at_once_total{counter=\"memory\"} 40.0",
                "poolsight_token_counted_at_once_total{counter=\"older\"} 0.0",
                "poolsight_token_submitted_total{counter=\"older\"} 1.0");
    }

    private void register(String name, Counter counter) throws Exception {
        server.registerMBean(new StandardMBean(counter, CounterMXBean.class, true),
                new ObjectName("dev.poolsight:type=TokenCounter,name=" + name));
    }

    private String scrape() {
        MetricSnapshots snapshots = new TokenCounterMetrics(server).collect();
        return PrometheusTextFormatWriter.create().toDebugString(snapshots);
    }

    /** The attributes of TokenCounterMXBean, which the endpoint reads by name. */
    public interface CounterMXBean {
        String getName();

        int getQueueDepth();

        int getQueueCapacity();

        long getSubmittedCount();

        long getCompletedCount();

        long getFallbackCount();

        long getErrorCount();

        double getCountLatencyMeanMillis();
    }

    /** The attributes of today's TokenCounterMXBean, which also says how many messages were counted at once. */
    public interface CountingAtOnceMXBean extends CounterMXBean {
        long getCountedAtOnceCount();
    }

    public interface OtherMXBean {
        int getSomething();
    }

    /** Registered as a {@link CounterMXBean}, it is a counter of an older core, without CountedAtOnceCount. */
    record Counter(String name, int queueDepth, int queueCapacity, long submitted, long completed, long fallbacks,
            long errors, double meanMillis, long countedAtOnce) implements CountingAtOnceMXBean {

        Counter(String name, int queueDepth, int queueCapacity, long submitted, long completed, long fallbacks,
                long errors, double meanMillis) {
            this(name, queueDepth, queueCapacity, submitted, completed, fallbacks, errors, meanMillis, 0);
        }

        @Override
        public long getCountedAtOnceCount() {
            return countedAtOnce;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getQueueDepth() {
            return queueDepth;
        }

        @Override
        public int getQueueCapacity() {
            return queueCapacity;
        }

        @Override
        public long getSubmittedCount() {
            return submitted;
        }

        @Override
        public long getCompletedCount() {
            return completed;
        }

        @Override
        public long getFallbackCount() {
            return fallbacks;
        }

        @Override
        public long getErrorCount() {
            return errors;
        }

        @Override
        public double getCountLatencyMeanMillis() {
            return meanMillis;
        }
    }
}
