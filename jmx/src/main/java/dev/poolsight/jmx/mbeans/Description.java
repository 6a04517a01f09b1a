package dev.poolsight.jmx.mbeans;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.MBeanOperationInfo;

/**
 * What an MXBean, attribute or operation means, as JConsole and VisualVM show it. Put it on the interface and on
 * each getter and operation; the unit, if any, comes from {@link Units} and is appended to the text.
 *
 * <p>The text may hold placeholders that each MBean fills in with its own settings, such as {@code {window}} for
 * a pool's percentile window ({@code "over the last {window}"} becomes {@code "over the last 60 s"}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Description {

    /** The description, without a trailing full stop and without the unit. */
    String value();

    /**
     * For an operation, what calling it does: {@link MBeanOperationInfo#INFO} (reads only),
     * {@link MBeanOperationInfo#ACTION} (changes state), or the default, {@link MBeanOperationInfo#UNKNOWN}.
     */
    int impact() default MBeanOperationInfo.UNKNOWN;
}
