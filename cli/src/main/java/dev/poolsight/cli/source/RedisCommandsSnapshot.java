package dev.poolsight.cli.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pool's Redis commands as its MBean {@code dev.poolsight:type=RedisCommands,pool=<pool>} showed them at one
 * moment: per command name, how many were sent since the pool started and their median and p99 over the agent's sliding
 * window.
 */
public record RedisCommandsSnapshot(String pool, List<Command> commands) {

    /** The MBean attributes this record is made of, so that a reader asks for these and no more. */
    public static final List<String> ATTRIBUTES = List.of("Pool", "Commands");

    /** One row of the {@code Commands} table; percentiles in milliseconds, NaN when unknown. */
    public record Command(String name, long count, double p50Millis, double p99Millis) {
    }

    /** Built from attribute values as JMX or Jolokia's JSON give them; a missing table counts as no commands. */
    public static RedisCommandsSnapshot from(Map<String, ?> attributes) {
        AttributeValues values = new AttributeValues(attributes);
        List<Command> commands = new ArrayList<>();
        for (AttributeValues row : values.rows("Commands")) {
            commands.add(new Command(row.text("command"), row.count("count"), row.number("p50Millis"),
                    row.number("p99Millis")));
        }
        return new RedisCommandsSnapshot(values.text("Pool"), commands);
    }
}
