package dev.poolsight.cli.source;

import java.util.List;
import java.util.Map;

/** One asynchronous token counter as its MBean {@code dev.poolsight:type=TokenCounter,name=<counter>} showed it. */
public record TokenCounterSnapshot(String name, int queueDepth, int queueCapacity, long submitted, long completed,
        long fallbacks, long errors) {

    public static final List<String> ATTRIBUTES = List.of("Name", "QueueDepth", "QueueCapacity", "SubmittedCount",
            "CompletedCount", "FallbackCount", "ErrorCount");

    public static TokenCounterSnapshot from(Map<String, ?> attributes) {
        AttributeValues values = new AttributeValues(attributes);
        return new TokenCounterSnapshot(values.text("Name"), values.integer("QueueDepth"),
                values.integer("QueueCapacity"), values.count("SubmittedCount"), values.count("CompletedCount"),
                values.count("FallbackCount"), values.count("ErrorCount"));
    }
}
