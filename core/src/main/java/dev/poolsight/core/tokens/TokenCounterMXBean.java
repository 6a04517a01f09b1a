package dev.poolsight.core.tokens;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import javax.management.DescriptorKey;

/**
 * The asynchronous token counter as JMX shows it, under {@code dev.poolsight:type=TokenCounter,name=<counter>}
 * once {@link TokenCounterMBean#register registered}. Counters and latencies run since the counter started.
 *
 * <p>The attribute names and units are a contract: exporters read {@code dev.poolsight:type=TokenCounter,*} by
 * attribute name.
 */
@TokenCounterMXBean.Description("The asynchronous token counter: messages queued for an exact token count, and how "
        + "counting goes")
public interface TokenCounterMXBean {

    @Description("The counter's name, unique among the token counters of this JVM")
    String getName();

    @Description("Messages waiting for a worker now")
    @Units("messages")
    int getQueueDepth();

    @Description("The most messages that may wait; beyond it, messages keep their estimated count")
    @Units("messages")
    int getQueueCapacity();

    @Description("Threads computing exact counts")
    @Units("threads")
    int getWorkers();

    @Description("Messages whose exact count was known at once, all their words counted lately, so that the append "
            + "stored it without an estimate or a worker, since start")
    @Units("messages")
    long getCountedAtOnceCount();

    @Description("Messages accepted for exact counting since start")
    @Units("messages")
    long getSubmittedCount();

    @Description("Exact counts computed and handed on since start")
    @Units("messages")
    long getCompletedCount();

    @Description("Messages that kept their estimated count since start, because the queue was full or the counter "
            + "was closed")
    @Units("messages")
    long getFallbackCount();

    @Description("Exact counts that failed since start, in counting or in handing the result on")
    @Units("messages")
    long getErrorCount();

    @Description("Mean time from submission to the exact count being handed on, since start; 0 before the first")
    @Units("milliseconds")
    double getCountLatencyMeanMillis();

    @Description("Longest time from submission to the exact count being handed on, since start")
    @Units("milliseconds")
    double getCountLatencyMaxMillis();

    /** What the MBean or an attribute means, as JConsole and VisualVM show it; the unit is appended to it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface Description {

        /** The description, without a trailing full stop and without the unit. */
        String value();
    }

    /**
     * The unit of an attribute, lowercase and plural. The JMX introspector copies it into the attribute's descriptor
     * as the standard {@code units} field, where JConsole, VisualVM and exporters read it.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Units {

        @DescriptorKey("units")
        String value();
    }
}
