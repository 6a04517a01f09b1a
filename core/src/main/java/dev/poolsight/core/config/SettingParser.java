package dev.poolsight.core.config;

import java.time.Duration;

/** Turns the text of one environment variable into a checked value, or an error that names it. */
final class SettingParser {

    private SettingParser() {
    }

    static int wholeNumber(String setting, String text, int minimum) {
        String accepted = "accepted: a whole number from " + minimum + " to " + Integer.MAX_VALUE;
        if (text.isEmpty()) {
            throw new InvalidSettingException(setting, text, "empty; " + accepted + " (leave the variable unset for the default)");
        }
        if (!text.matches("[+-]?[0-9]+")) {
            throw new InvalidSettingException(setting, text, "not a whole number; " + accepted);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException tooManyDigits) {
            throw new InvalidSettingException(setting, text, "too large; " + accepted);
        }
        if (value > Integer.MAX_VALUE) {
            throw new InvalidSettingException(setting, text, "too large; " + accepted);
        }
        return atLeast(setting, (int) Math.max(value, Integer.MIN_VALUE), minimum, text);
    }

    static int atLeast(String setting, int value, int minimum) {
        return atLeast(setting, value, minimum, Integer.toString(value));
    }

    private static int atLeast(String setting, int value, int minimum, String shown) {
        if (value < minimum) {
            String problem = value < 0 ? "negative" : value == 0 ? "zero" : "too small";
            throw new InvalidSettingException(setting, shown,
                    problem + "; accepted: a whole number from " + minimum + " to " + Integer.MAX_VALUE);
        }
        return value;
    }

    static Duration nonNegativeDuration(String setting, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidSettingException(setting, text,
                    "empty; accepted: a duration such as 30s, 500ms or 1m30s (leave the variable unset for the default)");
        }
        Duration duration;
        try {
            duration = GoDuration.parse(text);
        } catch (InvalidDurationException e) {
            throw new InvalidSettingException(setting, text, e.getMessage());
        }
        if (duration.isNegative()) {
            throw new InvalidSettingException(setting, text,
                    "negative; accepted: 0 (fail at once) or a positive duration such as 30s, 500ms or 1m30s");
        }
        return duration;
    }

    /**
     * A socket timeout: at least a millisecond (Jedis counts in whole milliseconds, and 0 would mean "wait forever")
     * and at most {@link Integer#MAX_VALUE} milliseconds.
     */
    static Duration socketTimeout(String setting, String text) {
        Duration duration = nonNegativeDuration(setting, text);
        requireSocketTimeout(setting, text, duration);
        return duration;
    }

    static void requireSocketTimeout(String setting, String shown, Duration duration) {
        if (duration.toMillis() < 1 || duration.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidSettingException(setting, shown,
                    "out of range; accepted: 1ms to 596h (Redis calls never wait forever), such as 2s or 500ms");
        }
    }
}
