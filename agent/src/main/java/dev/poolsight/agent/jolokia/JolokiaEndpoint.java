package dev.poolsight.agent.jolokia;

import java.util.Optional;

/**
 * A running Jolokia endpoint: MBeans as JSON over HTTP, read-only, and only those of the domains
 * {@code dev.poolsight} and {@code java.lang}. Its threads are daemon threads, so it never keeps the JVM alive.
 */
public interface JolokiaEndpoint {

    /** Where clients reach it, such as {@code http://127.0.0.1:8778/jolokia}. */
    String url();

    /** Closes the port and unregisters Jolokia's own MBeans. */
    void stop();

    /**
     * Starts an endpoint on {@code hostPort} ({@code [host:]port}, loopback without a host) and prints its URL on
     * stderr. Whatever goes wrong, a port in use included, it prints one line on stderr, returns empty and leaves
     * the application alone.
     */
    static Optional<JolokiaEndpoint> start(String hostPort, Optional<JolokiaCredentials> credentials) {
        return JolokiaLauncher.start(hostPort, credentials);
    }
}
