package dev.poolsight.agent.jolokia;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.util.Optional;

/**
 * Starts the endpoint's server in its own class loader and reports the outcome in one line on stderr. Runs from
 * the bootstrap class loader, so it touches no Jolokia class itself.
 */
final class JolokiaLauncher {

    /** Named, not referenced: a reference would load it, and Jolokia with it, from the bootstrap class path. */
    private static final String SERVER = "dev.poolsight.agent.jolokia.server.ReadOnlyJolokiaServer";

    private JolokiaLauncher() {
    }

    static Optional<JolokiaEndpoint> start(String hostPort, Optional<JolokiaCredentials> credentials, File agentJar) {
        JolokiaAddress address;
        try {
            address = JolokiaAddress.parse(hostPort);
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage());
            return Optional.empty();
        }
        try {
            ClassLoader loader = new JolokiaClassLoader(agentJar);
            JolokiaEndpoint endpoint = (JolokiaEndpoint) loader.loadClass(SERVER)
                    .getMethod("start", JolokiaAddress.class, Optional.class)
                    .invoke(null, address, credentials);
            System.err.println("[poolsight] Jolokia at " + endpoint.url() + ": read-only, MBeans of dev.poolsight and java.lang, "
                    + (credentials.isPresent() ? "basic authentication" : "no authentication"));
            return Optional.of(endpoint);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (failure instanceof BindException && String.valueOf(failure.getMessage()).contains("in use")) {
                System.err.println("[poolsight] Jolokia not started: port " + address.port() + " is in use; the application runs on");
            } else {
                notStarted(failure.toString());
            }
        } catch (Exception | LinkageError e) {
            notStarted(e.toString());
        }
        return Optional.empty();
    }

    private static void notStarted(String reason) {
        System.err.println("[poolsight] Jolokia not started: " + reason + "; the application runs on");
    }
}
