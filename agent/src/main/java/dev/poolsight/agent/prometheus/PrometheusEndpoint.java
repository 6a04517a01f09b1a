package dev.poolsight.agent.prometheus;

import java.util.Optional;

/**
 * A running Prometheus endpoint: {@code /metrics} in the Prometheus text format, or OpenMetrics when the scraper
 * asks for it, with what the pools' recorders and the token counters' MBeans say at the moment of the scrape. Its
 * threads are daemon threads, so it never keeps the JVM alive.
 */
public interface PrometheusEndpoint {

    /** Where Prometheus scrapes, such as {@code http://127.0.0.1:9464/metrics}. */
    String url();

    /** Closes the port. */
    void stop();

    /**
     * Starts an endpoint as {@code options} say and prints its URL on stderr. Whatever goes wrong (a bad address,
     * an unreadable password file, a port in use) it prints one line on stderr, returns empty and leaves the
     * application alone.
     */
    static Optional<PrometheusEndpoint> start(PrometheusOptions options) {
        return PrometheusLauncher.start(options);
    }
}
