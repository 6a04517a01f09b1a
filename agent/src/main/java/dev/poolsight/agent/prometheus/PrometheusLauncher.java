package dev.poolsight.agent.prometheus;

import dev.poolsight.agent.EndpointAddress;
import dev.poolsight.agent.prometheus.server.PoolsightMetricsServer;
import java.net.BindException;
import java.util.Optional;

/** Starts the endpoint's server and reports the outcome in one line on stderr. */
final class PrometheusLauncher {

    private PrometheusLauncher() {
    }

    static Optional<PrometheusEndpoint> start(PrometheusOptions options) {
        EndpointAddress address;
        try {
            address = EndpointAddress.parse("prometheus", options.address(), 9464);
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage());
            return Optional.empty();
        }
        try {
            PrometheusEndpoint endpoint = PoolsightMetricsServer.start(address, options.credentials());
            System.err.println("[poolsight] Prometheus metrics at " + endpoint.url() + ", "
                    + (options.credentials().isPresent() ? "basic authentication" : "no authentication"));
            return Optional.of(endpoint);
        } catch (BindException e) {
            notStarted("port " + address.port() + " on " + address.host() + " cannot be bound (" + e.getMessage() + ")");
        } catch (Exception | LinkageError e) {
            notStarted(e.toString());
        }
        return Optional.empty();
    }

    private static void notStarted(String reason) {
        System.err.println("[poolsight] Prometheus endpoint not started: " + reason + "; the application runs on");
    }
}
