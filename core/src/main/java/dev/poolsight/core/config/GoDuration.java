package dev.poolsight.core.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Parses durations written in Go's {@code time.ParseDuration} grammar, such as {@code 30s}, {@code 1m30s},
 * {@code 500ms} or {@code 1.5h}: an optional sign, then one or more decimal numbers, each with an optional
 * fraction and a unit ({@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}).
 * A lone {@code 0} needs no unit.
 *
 * <p>The parser follows Go's algorithm step for step, including its unsigned 64-bit overflow checks, so that
 * a value copied from a Go service's configuration means the same thing here.
 */
public final class GoDuration {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final Map<String, Long> UNIT_NANOS = Map.of(
            "ns", 1L,
            "us", NANOS_PER_MICRO,
            "\u00b5s", NANOS_PER_MICRO, // micro sign
            "\u03bcs", NANOS_PER_MICRO, // Greek small letter mu
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    /** 1 << 63 as an unsigned 64-bit value: the magnitude of the most negative duration. */
    private static final long TWO_TO_63 = Long.MIN_VALUE;

    private GoDuration() {
    }

    /**
     * Parses {@code text}, returning the duration it names.
     *
     * @throws InvalidDurationException when {@code text} is not a Go duration; the message says why
     */
    public static Duration parse(String text) {
        return Duration.ofNanos(parseNanos(text));
    }

    /** Like {@link #parse(String)}, but returns the signed nanoseconds exactly as Go's {@code Duration}. */
    public static long parseNanos(String text) {
        if (text == null) {
            throw new InvalidDurationException("a duration is required, for example 30s, 500ms or 1m30s");
        }
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        long total = 0; // unsigned
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!(c == '.' || isDigit(c))) {
                throw invalid(text);
            }
            int start = i;
            long whole = 0; // unsigned
            for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, 10)) > 0) {
                    throw invalid(text);
                }
                whole = whole * 10 + (s.charAt(i) - '0');
                if (Long.compareUnsigned(whole, TWO_TO_63) > 0) {
                    throw invalid(text);
                }
            }
            boolean digitsBeforePoint = i != start;

            long fraction = 0; // unsigned
            double scale = 1;
            boolean digitsAfterPoint = false;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                int fractionStart = i;
                boolean overflow = false;
                for (; i < s.length() && isDigit(s.charAt(i)); i++) {
                    if (overflow) {
                        continue;
                    }
                    if (Long.compareUnsigned(fraction, Long.MAX_VALUE / 10) > 0) {
                        overflow = true;
                        continue;
                    }
                    long next = fraction * 10 + (s.charAt(i) - '0');
                    if (Long.compareUnsigned(next, TWO_TO_63) > 0) {
                        overflow = true;
                        continue;
                    }
                    fraction = next;
                    scale *= 10;
                }
                digitsAfterPoint = i != fractionStart;
            }
            if (!digitsBeforePoint && !digitsAfterPoint) {
                throw invalid(text);
            }

            int unitStart = i;
            for (; i < s.length(); i++) {
                char u = s.charAt(i);
                if (u == '.' || isDigit(u)) {
                    break;
                }
            }
            if (i == unitStart) {
                throw new InvalidDurationException("missing unit in duration " + quote(text)
                        + "; a number needs a unit (ns, us, ms, s, m or h), for example 30s, 500ms or 1m30s");
            }
            String unitName = s.substring(unitStart, i);
            Long unit = UNIT_NANOS.get(unitName);
            if (unit == null) {
                throw new InvalidDurationException("unknown unit " + quote(unitName) + " in duration " + quote(text)
                        + "; accepted units are ns, us, µs, ms, s, m and h");
            }
            if (Long.compareUnsigned(whole, Long.divideUnsigned(TWO_TO_63, unit)) > 0) {
                throw invalid(text);
            }
            long value = whole * unit;
            if (fraction != 0) {
                // Double precision is enough here: the fractional part is at most one hour in nanoseconds.
                value += (long) (unsignedToDouble(fraction) * (unit / scale));
                if (Long.compareUnsigned(value, TWO_TO_63) > 0) {
                    throw invalid(text);
                }
            }
            total += value;
            if (Long.compareUnsigned(total, TWO_TO_63) > 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return -total;
        }
        if (Long.compareUnsigned(total, Long.MAX_VALUE) > 0) {
            throw invalid(text);
        }
        return total;
    }

    /**
     * Writes {@code duration} in the same grammar, choosing the largest exact unit: {@code 1m30s},
     * {@code 500ms}, {@code 250us}. The result parses back to the same duration.
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration is null");
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0";
        }
        String sign = nanos < 0 ? "-" : "";
        long magnitude = Math.abs(nanos);
        if (magnitude % 1_000_000_000L != 0) {
            if (magnitude % 1_000_000L == 0) {
                return sign + magnitude / 1_000_000L + "ms";
            }
            return sign + (magnitude % 1_000L == 0 ? magnitude / 1_000L + "us" : magnitude + "ns");
        }
        long seconds = magnitude / 1_000_000_000L;
        StringBuilder text = new StringBuilder(sign);
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double unsignedToDouble(long value) {
        return value >= 0 ? value : (double) (value >>> 1) * 2.0;
    }

    private static InvalidDurationException invalid(String text) {
        return new InvalidDurationException("invalid duration " + quote(text)
                + "; expected numbers with units such as 30s, 500ms, 1m30s or 1.5h (ns, us, ms, s, m, h)"
                + " within about 292 years");
    }

    private static String quote(String text) {
        return '"' + text + '"';
    }
}
