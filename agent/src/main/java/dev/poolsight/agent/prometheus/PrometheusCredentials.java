package dev.poolsight.agent.prometheus;

/**
 * The user and password that the Prometheus endpoint asks for with HTTP basic authentication
 * ({@code prometheusUser} and the content of {@code prometheusPasswordFile}). The password never appears in
 * {@link #toString()}.
 */
public record PrometheusCredentials(String user, String password) {

    @Override
    public String toString() {
        return "PrometheusCredentials[user=" + user + ", password=***]";
    }
}
