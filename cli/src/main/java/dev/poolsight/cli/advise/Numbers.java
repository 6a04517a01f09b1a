package dev.poolsight.cli.advise;

import java.util.Locale;

/** Numbers as people read them in a terminal: thousands separated, milliseconds with as many decimals as matter. */
public final class Numbers {

    private Numbers() {
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value < 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    public static String percent(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
