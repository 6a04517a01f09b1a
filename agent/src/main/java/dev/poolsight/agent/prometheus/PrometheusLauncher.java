package dev.poolsight.agent.prometheus;

import dev.poolsight.agent.EndpointAddress;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.BindException;
import java.util.Optional;

/**
 * Starts the endpoint's server in its own class loader and reports the outcome in one line on stderr. Runs from
 * the bootstrap class loader, so it touches no class of the Prometheus client itself.
 */
final class PrometheusLauncher {

    /** Named, not referenced: a reference would load it, and the client with it, from the bootstrap class path. */
    private static final String SERVER = "dev.poolsight.agent.prometheus.server.PoolsightMetricsServer";

    private PrometheusLauncher() {
    }

    static Optional<PrometheusEndpoint> start(PrometheusOptions options, File agentJar) {
        EndpointAddress address;
        Optional<PrometheusCredentials> credentials;
        try {
            address = EndpointAddress.parse("prometheus", options.address(), 9464);
            credentials = options.user().map(user -> PrometheusCredentials.read(user, options.passwordFile().orElseThrow()));
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage());
            return Optional.empty();
        }
        options.passwordFile().flatMap(PrometheusCredentials::readableByOthers)
                .ifPresent(warning -> System.err.println("[poolsight] " + warning));
        try {
            ClassLoader loader = new PrometheusClassLoader(agentJar);
            PrometheusEndpoint endpoint = (PrometheusEndpoint) loader.loadClass(SERVER)
                    .getMethod("start", EndpointAddress.class, Optional.class)
                    .invoke(null, address, credentials);
            System.err.println("[poolsight] Prometheus metrics at " + endpoint.url() + ", "
                    + (credentials.isPresent() ? "basic authentication" : "no authentication"));
            return Optional.of(endpoint);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (failure instanceof BindException) {
                notStarted("port " + address.port() + " on " + address.host() + " cannot be bound ("
                        + failure.getMessage() + ")");
            } else {
                notStarted(failure.toString());
            }
        } catch (Exception | LinkageError e) {
            notStarted(e.toString());
        }
        return Optional.empty();
    }

    private static void notStarted(String reason) {
        System.err.println("[poolsight] Prometheus endpoint not started: " + reason + "; the application runs on");
    }
}
