package dev.poolsight.jmx.mbeans;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.StandardMBean;

/** An MXBean without notifications whose descriptions and units come from its interface's annotations. */
final class DescribedMBean<T> extends StandardMBean {

    private final Descriptions descriptions;

    DescribedMBean(T implementation, Class<T> mxbeanInterface, Descriptions descriptions) {
        super(implementation, mxbeanInterface, true);
        this.descriptions = descriptions;
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
