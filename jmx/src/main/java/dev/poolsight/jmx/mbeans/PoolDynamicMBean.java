package dev.poolsight.jmx.mbeans;

import javax.management.AttributeList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.NotificationEmitter;
import javax.management.StandardEmitterMBean;

/**
 * What is registered for a pool: the {@link PoolMXBean} with its descriptions and units, and its notifications.
 * A {@link StandardEmitterMBean} because the MBean server forwards listeners only to a registered object that is
 * itself a notification emitter.
 */
final class PoolDynamicMBean extends StandardEmitterMBean {

    private final PoolMBean pool;
    private final Descriptions descriptions;

    PoolDynamicMBean(PoolMBean pool, NotificationEmitter emitter, Descriptions descriptions) {
        super(pool, PoolMXBean.class, true, emitter);
        this.pool = pool;
        this.descriptions = descriptions;
    }

    /** Reads the attributes from one snapshot of the pool, see {@link PoolMBean#readingOnce}. */
    @Override
    public AttributeList getAttributes(String[] attributes) {
        return pool.readingOnce(() -> super.getAttributes(attributes));
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        return descriptions.of(info);
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return descriptions.of(info);
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return descriptions.of(info);
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return descriptions.impact(info);
    }
}
