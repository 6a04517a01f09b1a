package dev.poolsight.agent.jolokia;

import dev.poolsight.agent.jolokia.server.ReadOnlyJolokiaServer;
import java.net.BindException;
import java.util.Optional;

/** Starts the endpoint's server and reports the outcome in one line on stderr. */
final class JolokiaLauncher {

    private JolokiaLauncher() {
    }

    static Optional<JolokiaEndpoint> start(String hostPort, Optional<JolokiaCredentials> credentials) {
        JolokiaAddress address;
        try {
            address = JolokiaAddress.parse(hostPort);
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage());
            return Optional.empty();
        }
        try {
            JolokiaEndpoint endpoint = ReadOnlyJolokiaServer.start(address, credentials);
            System.err.println("[poolsight] Jolokia at " + endpoint.url() + ": read-only, MBeans of dev.poolsight and java.lang, "
                    + (credentials.isPresent() ? "basic authentication" : "no authentication"));
            return Optional.of(endpoint);
        } catch (BindException e) {
            if (String.valueOf(e.getMessage()).contains("in use")) {
                System.err.println("[poolsight] Jolokia not started: port " + address.port() + " is in use; the application runs on");
            } else {
                notStarted(e.toString());
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
