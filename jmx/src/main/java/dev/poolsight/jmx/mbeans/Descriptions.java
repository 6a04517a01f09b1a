package dev.poolsight.jmx.mbeans;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanFeatureInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;

/**
 * Reads the {@link Description} and {@link Units} annotations of an MXBean interface for the customisation hooks
 * of {@link javax.management.StandardMBean}, filling in one MBean's placeholders. Introspection stays the JDK's;
 * this only supplies the texts it asks for.
 */
final class Descriptions {

    private final Class<?> mbeanInterface;
    private final Map<String, String> placeholders;

    /** @param placeholders values for the {@code {name}} placeholders of the texts, by name without braces */
    Descriptions(Class<?> mbeanInterface, Map<String, String> placeholders) {
        this.mbeanInterface = mbeanInterface;
        this.placeholders = Map.copyOf(placeholders);
    }

    String of(MBeanInfo info) {
        Description description = mbeanInterface.getAnnotation(Description.class);
        return description == null ? info.getDescription() : fill(description.value());
    }

    String of(MBeanAttributeInfo info) {
        Method getter = method(info.isIs() ? "is" + info.getName() : "get" + info.getName(), 0);
        return describe(getter, info);
    }

    String of(MBeanOperationInfo info) {
        return describe(method(info.getName(), info.getSignature().length), info);
    }

    int impact(MBeanOperationInfo info) {
        Method operation = method(info.getName(), info.getSignature().length);
        Description description = operation == null ? null : operation.getAnnotation(Description.class);
        return description == null ? info.getImpact() : description.impact();
    }

    /** The text, then the unit the introspector put into the descriptor from {@link Units}, if any. */
    private String describe(Method method, MBeanFeatureInfo info) {
        Description description = method == null ? null : method.getAnnotation(Description.class);
        if (description == null) {
            return info.getDescription();
        }
        Object units = info.getDescriptor().getFieldValue("units");
        return fill(description.value()) + (units == null ? "" : " (unit: " + units + ")");
    }

    private Method method(String name, int parameterCount) {
        for (Method method : mbeanInterface.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameterCount) {
                return method;
            }
        }
        return null;
    }

    private String fill(String text) {
        String filled = text;
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            filled = filled.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return filled;
    }

    /** A duration as a reader says it: {@code 60 s}, {@code 250 ms}, {@code 0.5 ms}. */
    static String describe(Duration duration) {
        if (duration.toMillis() >= 1_000 && duration.toNanos() % 1_000_000_000L == 0) {
            return duration.toSeconds() + " s";
        }
        BigDecimal millis = BigDecimal.valueOf(duration.toNanos()).movePointLeft(6).stripTrailingZeros();
        return millis.toPlainString() + " ms";
    }
}
