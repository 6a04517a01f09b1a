package dev.poolsight.agent.jolokia.server;

import org.jolokia.server.core.request.JolokiaReadRequest;
import org.jolokia.service.jmx.handler.ReadHandler;

/**
 * Jolokia's read handler, asking the policy before it touches an MBean. Jolokia's own asks attribute by attribute
 * after it has fetched a whole MBean or a pattern, so a read of {@code JMImplementation:*} would run getters of MBeans
 * that the policy keeps out, even though their values are then withheld; this one refuses such a read up front.
 *
 * <p>Jolokia creates it from its command-handler descriptor ({@link JolokiaDescriptors}), hence public.
 */
public final class PolicyReadHandler extends ReadHandler {

    @Override
    protected void checkForRestriction(JolokiaReadRequest request) {
        checkType();
        if (isObjectNameHidden(request.getObjectName())) {
            throw new SecurityException("Reading " + request.getObjectName() + " is forbidden: the policy allows the MBeans of "
                    + String.join(" and ", ReadOnlyRestrictor.DOMAINS) + " only");
        }
    }
}
