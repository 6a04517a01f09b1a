package dev.poolsight.agent.prometheus.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.Test;

/** Reads memory store MBeans registered in a real MBean server, by the names of core's MemoryStoreMXBean. */
class MemoryStoreMetricsTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void everyOperationOfEveryStoreIsASummaryOfCountAndSeconds() throws Exception {
        server.registerMBean(new StandardMBean((StoreMXBean) () -> List.of(
                        new Row("append", 4, 1, 2.0, 0.5, 1.2), new Row("read_window", 10, 0, 5.0, 0.5, 0.9)),
                StoreMXBean.class, true), new ObjectName("dev.poolsight:type=MemoryStore,name=memory"));

        String scrape = PrometheusTextFormatWriter.create().toDebugString(new MemoryStoreMetrics(server).collect());

        assertThat(scrape).contains(
                "# TYPE poolsight_memory_operation_seconds summary",
                "poolsight_memory_operation_seconds_count{operation=\"append\",store=\"memory\"} 4",
                "poolsight_memory_operation_seconds_sum{operation=\"append\",store=\"memory\"} 0.002",
                "poolsight_memory_operation_seconds_count{operation=\"read_window\",store=\"memory\"} 10",
                "poolsight_memory_operation_seconds_sum{operation=\"read_window\",store=\"memory\"} 0.005");
    }

    @Test
    void anMBeanWithoutOperationsIsSkipped() throws Exception {
        server.registerMBean(new StandardMBean((OtherMXBean) () -> 1, OtherMXBean.class, true),
                new ObjectName("dev.poolsight:type=MemoryStore,name=other"));

        assertThat(PrometheusTextFormatWriter.create().toDebugString(new MemoryStoreMetrics(server).collect()))
                .doesNotContain("store=\"other\"");
    }

    /** The attribute of core's MemoryStoreMXBean that the endpoint reads. */
    public interface StoreMXBean {
        List<Row> getOperations();
    }

    public interface OtherMXBean {
        int getSomething();
    }

    /** The items of core's MemoryOperationData. */
    public record Row(String operation, long count, long errors, double totalMillis, double meanMillis,
            double maxMillis) {
        public String getOperation() {
            return operation;
        }

        public long getCount() {
            return count;
        }

        public long getErrors() {
            return errors;
        }

        public double getTotalMillis() {
            return totalMillis;
        }

        public double getMeanMillis() {
            return meanMillis;
        }

        public double getMaxMillis() {
            return maxMillis;
        }
    }
}
