package dev.poolsight.agent.prometheus.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.PoolGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PoolMetricsTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final PoolRegistry pools = new PoolRegistry(RecorderSettings.defaults(), System::nanoTime);
    private final Gauges gauges = new Gauges();
    private final Object pool = new Object();
    private final PoolRecorder recorder = pools.register(pool, "redis", gauges);

    @Test
    void countersCarryTheirTotalSuffixAndThePoolLabel() {
        Object connection = new Object();
        recorder.borrowSucceeded(connection, MILLI);
        recorder.returned(connection);
        recorder.held(MILLI);
        recorder.borrowExhausted(30 * MILLI);

        assertThat(scrape()).contains(
                "poolsight_pool_borrows_total{pool=\"redis\"} 1.0",
                "poolsight_pool_returns_total{pool=\"redis\"} 1.0",
                "poolsight_pool_exhaustions_total{pool=\"redis\"} 1.0",
                "poolsight_pool_borrow_failures_total{pool=\"redis\"} 0.0",
                "poolsight_pool_invalidations_total{pool=\"redis\"} 0.0");
    }

    @Test
    void gaugesShowThePoolAsItIsNow() {
        assertThat(scrape()).contains(
                "poolsight_pool_connections{pool=\"redis\",state=\"active\"} 6.0",
                "poolsight_pool_connections{pool=\"redis\",state=\"idle\"} 2.0",
                "poolsight_pool_max_connections{pool=\"redis\"} 8.0",
                "poolsight_pool_max_idle_connections{pool=\"redis\"} 4.0",
                "poolsight_pool_pending_threads{pool=\"redis\"} 1.0",
                "poolsight_pool_utilization_ratio{pool=\"redis\"} 0.75",
                "poolsight_pool_leak_suspects{pool=\"redis\"} 0.0");
    }

    @Test
    void anUnboundedPoolHasNoLimitAndNoUtilization() {
        gauges.maxTotal = -1;

        assertThat(scrape()).doesNotContain("poolsight_pool_max_connections{", "poolsight_pool_utilization_ratio{",
                "poolsight_pool_peak_utilization_ratio{");
    }

    @Test
    void waitsAreACumulativeHistogramWithTenMillisecondsAsABucket() {
        recorder.borrowSucceeded(new Object(), 3 * MILLI);
        recorder.borrowSucceeded(new Object(), 10 * MILLI);
        recorder.borrowExhausted(30 * MILLI);

        assertThat(scrape()).contains(
                "# TYPE poolsight_pool_wait_seconds histogram",
                "poolsight_pool_wait_seconds_bucket{pool=\"redis\",le=\"0.0025\"} 0",
                "poolsight_pool_wait_seconds_bucket{pool=\"redis\",le=\"0.005\"} 1",
                "poolsight_pool_wait_seconds_bucket{pool=\"redis\",le=\"0.01\"} 2",
                "poolsight_pool_wait_seconds_bucket{pool=\"redis\",le=\"60.0\"} 3",
                "poolsight_pool_wait_seconds_bucket{pool=\"redis\",le=\"+Inf\"} 3",
                "poolsight_pool_wait_seconds_count{pool=\"redis\"} 3",
                "poolsight_pool_wait_seconds_sum{pool=\"redis\"} 0.043");
    }

    @Test
    void aClosedPoolLeavesTheScrape() {
        pools.unregister(pool);

        assertThat(scrape()).doesNotContain("pool=\"redis\"");
    }

    @Test
    void theAgentAnnouncesItsVersion() {
        assertThat(scrape()).containsPattern("poolsight_agent_info\\{version=\"[^\"]+\"} 1");
    }

    private String scrape() {
        PrometheusRegistry registry = PoolsightMetricsServer.registry(pools);
        return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
    }

    private static final class Gauges implements PoolGauges {

        int maxTotal = 8;

        @Override
        public int numActive() {
            return 6;
        }

        @Override
        public int numIdle() {
            return 2;
        }

        @Override
        public int numWaiters() {
            return 1;
        }

        @Override
        public int maxTotal() {
            return maxTotal;
        }

        @Override
        public int maxIdle() {
            return 4;
        }
    }
}
