package dev.poolsight.cli.source;

import java.util.Map;

/**
 * MBean attribute values as JMX (boxed numbers) or Jolokia (JSON numbers, {@code "NaN"} strings, nulls) give them.
 * Unknown values become -1 for gauges and counters and NaN for measurements, as the MBeans themselves report them.
 */
final class AttributeValues {

    private final Map<String, ?> values;

    AttributeValues(Map<String, ?> values) {
        this.values = values;
    }

    String text(String attribute) {
        Object value = values.get(attribute);
        return value == null ? "" : value.toString();
    }

    int integer(String attribute) {
        return (int) count(attribute);
    }

    long count(String attribute) {
        double value = number(attribute);
        return Double.isNaN(value) ? -1 : (long) value;
    }

    double number(String attribute) {
        Object value = values.get(attribute);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String string) {
            try {
                return Double.parseDouble(string);
            } catch (NumberFormatException notANumber) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
