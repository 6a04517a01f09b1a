package dev.poolsight.jmx.mbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.DescriptorKey;

/**
 * The unit of an attribute or an operation's result, for example {@code milliseconds} or {@code borrows}.
 *
 * <p>The JMX introspector copies it into the feature's descriptor as the standard {@code units} field (through
 * {@link DescriptorKey}), where JConsole, VisualVM and exporters read it; the description gets it appended, so that
 * a reader who only sees the description still knows the unit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Units {

    /** The unit, lowercase and plural: {@code milliseconds}, {@code seconds}, {@code objects}, {@code threads}. */
    @DescriptorKey("units")
    String value();
}
