package dev.poolsight.cli.top;

import java.util.Comparator;

/** The columns top sorts by, each with the key that picks it; the busiest or slowest pool comes first. */
enum SortKey {
    NAME('n', Comparator.comparing(row -> row.pool().name())),
    UTILIZATION('u', Comparator.comparingDouble((PoolRow row) -> orZero(row.pool().utilization())).reversed()),
    WAIT('w', Comparator.comparingDouble((PoolRow row) -> orZero(row.pool().waitP99Millis())).reversed()),
    EXHAUSTED('e', Comparator.comparingLong((PoolRow row) -> row.pool().exhaustionCount()).reversed()),
    HOLD('h', Comparator.comparingDouble((PoolRow row) -> orZero(row.pool().holdP99Millis())).reversed()),
    RATE('b', Comparator.comparingDouble((PoolRow row) -> orZero(row.borrowsPerSecond())).reversed());

    private final char key;
    private final Comparator<PoolRow> order;

    SortKey(char key, Comparator<PoolRow> order) {
        this.key = key;
        this.order = order.thenComparing(row -> row.pool().name());
    }

    Comparator<PoolRow> order() {
        return order;
    }

    static SortKey forKey(int pressed, SortKey otherwise) {
        for (SortKey sort : values()) {
            if (sort.key == Character.toLowerCase(pressed)) {
                return sort;
            }
        }
        return otherwise;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
