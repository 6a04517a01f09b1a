package dev.poolsight.agent;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in agent options, written like the rest of Poolsight's settings ({@code 30s}, {@code 500ms},
 * {@code 1m30s}): whole numbers with the units ns, us, ms, s, m and h. The agent jar carries no part of core,
 * so this small parser stands in for core's full Go-grammar one; option values need no fractions.
 */
final class AgentDurations {

    private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ns|us|ms|s|m|h))+|0");
    private static final Pattern PART = Pattern.compile("([0-9]+)(ns|us|ms|s|m|h)");

    private AgentDurations() {
    }

    static Duration parse(String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("expected whole numbers with units ns, us, ms, s, m or h, such as 30s or 1m30s");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        }
        return total;
    }
}
