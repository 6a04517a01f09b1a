package dev.poolsight.agent.prometheus;

import dev.poolsight.agent.EndpointAddress;
import dev.poolsight.agent.PasswordFile;
import dev.poolsight.agent.prometheus.server.PoolsightMetricsServer;
import java.net.BindException;
import java.util.Optional;

/** Starts the endpoint's server and reports the outcome in one line on stderr. */
final class PrometheusLauncher {

    private PrometheusLauncher() {
    }

    static Optional<PrometheusEndpoint> start(PrometheusOptions options) {
        EndpointAddress address;
        Optional<PrometheusCredentials> credentials;
        try {
            address = EndpointAddress.parse("prometheus", options.address(), 9464);
            credentials = options.user().map(user -> PrometheusCredentials.read(user, options.passwordFile().orElseThrow()));
        } catch (IllegalArgumentException e) {
            notStarted(e.getMessage());
            return Optional.empty();
        }
        options.passwordFile().flatMap(file -> PasswordFile.readableByOthers("prometheusPasswordFile", file))
                .ifPresent(warning -> System.err.println("[poolsight] " + warning));
        try {
            PrometheusEndpoint endpoint = PoolsightMetricsServer.start(address, credentials);
            System.err.println("[poolsight] Prometheus metrics at " + endpoint.url() + ", "
                    + (credentials.isPresent() ? "basic authentication" : "no authentication"));
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
