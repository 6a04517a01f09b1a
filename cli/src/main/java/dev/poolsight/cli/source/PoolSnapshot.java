package dev.poolsight.cli.source;

import java.util.List;
import java.util.Map;

/**
 * One pool as its MBean {@code dev.poolsight:type=Pool,name=<pool>} showed it at one moment. Times are in
 * milliseconds; percentiles cover the agent's sliding window; counters run since the pool was created.
 */
public record PoolSnapshot(String name, int maxTotal, int maxIdle, int numActive, int numIdle, int numWaiters,
        long borrowCount, long exhaustionCount, long borrowFailureCount,
        double waitP50Millis, double waitP99Millis, double waitMaxMillis,
        double holdMeanMillis, double holdP99Millis, double windowSeconds) {

    /** The MBean attributes this record is made of, so that a reader asks for these and no more. */
    public static final List<String> ATTRIBUTES = List.of("Name", "MaxTotal", "MaxIdle", "NumActive", "NumIdle",
            "NumWaiters", "BorrowCount", "ExhaustionCount", "BorrowFailureCount", "WaitTimeP50Millis",
            "WaitTimeP99Millis", "WaitTimeMaxMillis", "HoldTimeMeanMillis", "HoldTimeP99Millis", "WindowSeconds");

    /** Built from attribute values as JMX or Jolokia's JSON give them; a missing or unreadable one counts as unknown. */
    public static PoolSnapshot from(Map<String, ?> attributes) {
        AttributeValues values = new AttributeValues(attributes);
        return new PoolSnapshot(values.text("Name"), values.integer("MaxTotal"), values.integer("MaxIdle"),
                values.integer("NumActive"), values.integer("NumIdle"), values.integer("NumWaiters"),
                values.count("BorrowCount"), values.count("ExhaustionCount"), values.count("BorrowFailureCount"),
                values.number("WaitTimeP50Millis"), values.number("WaitTimeP99Millis"),
                values.number("WaitTimeMaxMillis"), values.number("HoldTimeMeanMillis"),
                values.number("HoldTimeP99Millis"), values.number("WindowSeconds"));
    }

    /** NumActive / MaxTotal now, from 0 to 1; NaN when the pool has no limit or a gauge is unknown. */
    public double utilization() {
        return maxTotal > 0 && numActive >= 0 ? (double) numActive / maxTotal : Double.NaN;
    }
}
