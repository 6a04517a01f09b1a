package dev.poolsight.cli.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;

/**
 * MBean attribute values as JMX (boxed numbers) or Jolokia (JSON numbers, {@code "NaN"} strings, nulls) give them.
 * Unknown values become -1 for gauges and counters and NaN for measurements, as the MBeans themselves report them.
 * A table is an array of {@link CompositeData} over JMX and a list of JSON objects over Jolokia.
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

    /** The rows of a table attribute; none when it is missing or not a table. */
    List<AttributeValues> rows(String attribute) {
        Object value = values.get(attribute);
        List<AttributeValues> rows = new ArrayList<>();
        if (value instanceof CompositeData[] table) {
            for (CompositeData row : table) {
                Map<String, Object> items = new HashMap<>();
                row.getCompositeType().keySet().forEach(key -> items.put(key, row.get(key)));
                rows.add(new AttributeValues(items));
            }
        } else if (value instanceof List<?> table) {
            for (Object row : table) {
                if (row instanceof Map<?, ?> items) {
                    Map<String, Object> named = new HashMap<>();
                    items.forEach((key, item) -> named.put(String.valueOf(key), item));
                    rows.add(new AttributeValues(named));
                }
            }
        }
        return rows;
    }
}
