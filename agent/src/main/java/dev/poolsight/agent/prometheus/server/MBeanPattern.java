package dev.poolsight.agent.prometheus.server;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The ObjectName pattern a collector queries, written as a constant the class controls. */
final class MBeanPattern {

    private MBeanPattern() {
    }

    /** {@code pattern} as an ObjectName; a malformed constant is a bug, hence unchecked. */
    static ObjectName of(String pattern) {
        try {
            return new ObjectName(pattern);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(pattern, e);
        }
    }
}
