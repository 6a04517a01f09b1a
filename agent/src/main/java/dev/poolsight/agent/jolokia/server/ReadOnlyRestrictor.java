package dev.poolsight.agent.jolokia.server;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * Poolsight's built-in Jolokia policy: read, list, search and version requests, for the MBeans of the domains
 * {@code dev.poolsight} and {@code java.lang} only, and of {@code java.lang} only the attributes that monitoring
 * needs ({@link MonitoringAttributes}). Nothing is written or invoked; MBeans of other domains are
 * neither read nor listed nor found; no web page of another origin gets CORS access.
 *
 * <p>Jolokia creates it by name ({@code restrictorClass}), hence public with a public constructor.
 */
public final class ReadOnlyRestrictor implements Restrictor {

    private static final String POOLSIGHT = "dev.poolsight";
    private static final String JVM = "java.lang";
    static final List<String> DOMAINS = List.of(POOLSIGHT, JVM);
    private static final Set<RequestType> TYPES = EnumSet.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH,
            RequestType.VERSION);

    /** GET for simple requests, POST for JSON and bulk ones: what a request may do is decided by its type. */
    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return TYPES.contains(type);
    }

    /**
     * Every attribute of Poolsight's MBeans; of the JVM's, only those of {@link MonitoringAttributes}. Without an
     * attribute (the first question about a read of several), the domain decides; each attribute is asked about
     * again before its value is served. A name whose domain is a pattern, such as {@code *} or {@code java.*}, is in
     * none of the domains.
     */
    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        if (POOLSIGHT.equals(name.getDomain())) {
            return true;
        }
        return JVM.equals(name.getDomain()) && (attribute == null || MonitoringAttributes.allows(name, attribute));
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        return false;
    }

    /** Who can connect is decided by the address the endpoint binds to. */
    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    /**
     * Jolokia asks twice. With {@code strictCheck} whether to serve a request that carries this Origin at all: yes,
     * as it is served without one. Without it whether to answer with CORS headers for this origin: no, so that a web
     * page of another origin cannot read the MBeans through a browser on this machine.
     */
    @Override
    public boolean isOriginAllowed(String origin, boolean strictCheck) {
        return strictCheck;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return !DOMAINS.contains(name.getDomain());
    }
}
