package dev.poolsight.core.memory;

import java.util.List;

/**
 * A memory store's own operations as JMX shows them, under {@code dev.poolsight:type=MemoryStore,name=<name>} once
 * {@link MemoryStoreMBean#register registered}: one row per operation, since the store started. Exporters read
 * {@code dev.poolsight:type=MemoryStore,*} by these attribute and item names.
 */
public interface MemoryStoreMXBean {

    /** The store's name, unique among the memory stores of this JVM. */
    String getName();

    /**
     * One row per operation (append, read_window, read_page, read_all, count, clear): calls, errors, total, mean
     * and longest time in fractional milliseconds, on the caller's side.
     */
    List<MemoryOperationData> getOperations();

    /** One operation's row, a {@code CompositeData} for JMX clients. */
    record MemoryOperationData(String operation, long count, long errors, double totalMillis, double meanMillis,
            double maxMillis) {

        static MemoryOperationData of(MemoryOperationStats stats) {
            return new MemoryOperationData(stats.operation().label(), stats.count(), stats.errors(),
                    stats.totalNanos() / 1e6, stats.meanMillis(), stats.maxMillis());
        }

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
