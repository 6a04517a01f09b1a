package dev.poolsight.jmx.mbeans;

import java.time.Duration;
import java.util.Locale;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * The notifications a pool's MBean emits, for clients that filter or read them.
 *
 * <p>Each kind is sent at most once per pool per interval (10 s in production). Events in between are folded
 * into the next notification, whose {@value #COUNT} says how many it stands for; the message says it too. The
 * user data is a {@link CompositeData}, so that any JMX client can read it without Poolsight's classes.
 */
public final class PoolNotifications {

    /** A borrow found the pool exhausted. User data: {@value #POOL}, {@value #COUNT}, {@value #TOTAL}. */
    public static final String EXHAUSTED = "dev.poolsight.pool.exhausted";

    /**
     * Objects were lent out longer than the leak threshold. User data: {@value #POOL}, {@value #COUNT} (new
     * suspects), {@value #SUSPECTS}, {@value #LONGEST_HELD_MILLIS}, {@value #THREAD_NAME}, {@value #STACK_TRACE}.
     */
    public static final String LEAK = "dev.poolsight.pool.leak";

    /** User data item: the pool's name. */
    public static final String POOL = "pool";
    /** User data item: how many events this notification stands for, since the previous one of its kind. */
    public static final String COUNT = "count";
    /** User data item of {@link #EXHAUSTED}: exhaustions since start. */
    public static final String TOTAL = "total";
    /** User data item of {@link #LEAK}: how many objects are leak suspects now. */
    public static final String SUSPECTS = "suspects";
    /** User data item of {@link #LEAK}: how long the longest held suspect has been out, in milliseconds. */
    public static final String LONGEST_HELD_MILLIS = "longestHeldMillis";
    /** User data item of {@link #LEAK}: the thread that borrowed the longest held suspect. */
    public static final String THREAD_NAME = "threadName";
    /** User data item of {@link #LEAK}: where the longest held suspect was borrowed, one frame per line. */
    public static final String STACK_TRACE = "stackTrace";

    private static final CompositeType EXHAUSTED_DATA = compositeType("PoolExhausted",
            new String[] {POOL, COUNT, TOTAL},
            new String[] {"the pool's name", "exhaustions since the previous notification",
                "exhaustions since start"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.LONG});

    private static final CompositeType LEAK_DATA = compositeType("PoolLeakSuspected",
            new String[] {POOL, COUNT, SUSPECTS, LONGEST_HELD_MILLIS, THREAD_NAME, STACK_TRACE},
            new String[] {"the pool's name", "objects that became leak suspects since the previous notification",
                "leak suspects now", "how long the longest held suspect has been out, in milliseconds",
                "the thread that borrowed the longest held suspect",
                "where the longest held suspect was borrowed, one frame per line"},
            new OpenType<?>[] {SimpleType.STRING, SimpleType.LONG, SimpleType.INTEGER, SimpleType.DOUBLE,
                SimpleType.STRING, SimpleType.STRING});

    private PoolNotifications() {
    }

    /** What a pool MBean emits, for its MBeanInfo: JConsole lists these in its Notifications node. */
    static MBeanNotificationInfo[] infos(Duration interval) {
        String limit = " Sent at most once per " + Descriptions.describe(interval)
                + " per pool; the user data's count (and the message) say how many events it stands for.";
        return new MBeanNotificationInfo[] {
            new MBeanNotificationInfo(new String[] {EXHAUSTED}, Notification.class.getName(),
                    "Borrows found the pool exhausted: no object came free within their maximum wait." + limit),
            new MBeanNotificationInfo(new String[] {LEAK}, Notification.class.getName(),
                    "Objects have been lent out longer than the leak threshold: see listLeakSuspects." + limit),
        };
    }

    static Notification exhausted(ObjectName source, long sequence, String pool, long count, long total) {
        Notification notification = new Notification(EXHAUSTED, source, sequence, String.format(Locale.ROOT,
                "Pool %s exhausted %d time(s) since the last notification (%d since start): borrows found no free "
                        + "object within their maximum wait", pool, count, total));
        notification.setUserData(data(EXHAUSTED_DATA, new String[] {POOL, COUNT, TOTAL},
                new Object[] {pool, count, total}));
        return notification;
    }

    /**
     * @param longestHeldMillis 0 when no object is a suspect any more
     * @param threadName        of the longest held suspect; empty when there is none
     * @param stackTrace        of the longest held suspect; empty when there is none
     */
    static Notification leak(ObjectName source, long sequence, String pool, Duration threshold, long count,
            int suspects, double longestHeldMillis, String threadName, String stackTrace) {
        String message = String.format(Locale.ROOT,
                "Pool %s: %d new leak suspect(s) since the last notification, objects lent out longer than %s; "
                        + "%d suspect(s) now", pool, count, Descriptions.describe(threshold), suspects);
        if (suspects > 0) {
            message += String.format(Locale.ROOT, ", the longest held for %.1f ms by thread %s",
                    longestHeldMillis, threadName);
        }
        Notification notification = new Notification(LEAK, source, sequence, message);
        notification.setUserData(data(LEAK_DATA,
                new String[] {POOL, COUNT, SUSPECTS, LONGEST_HELD_MILLIS, THREAD_NAME, STACK_TRACE},
                new Object[] {pool, count, suspects, longestHeldMillis, threadName, stackTrace}));
        return notification;
    }

    private static CompositeData data(CompositeType type, String[] names, Object[] values) {
        try {
            return new CompositeDataSupport(type, names, values);
        } catch (OpenDataException e) {
            throw new IllegalStateException("notification user data does not match " + type.getTypeName(), e);
        }
    }

    private static CompositeType compositeType(String name, String[] items, String[] descriptions,
            OpenType<?>[] types) {
        try {
            return new CompositeType(name, name, items, descriptions, types);
        } catch (OpenDataException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
