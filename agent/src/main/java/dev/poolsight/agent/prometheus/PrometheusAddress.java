package dev.poolsight.agent.prometheus;

/**
 * Where the Prometheus endpoint listens, from {@code prometheus=[host:]port}: {@code 9464}, {@code 127.0.0.1:9464},
 * {@code 0.0.0.0:9464} or {@code [::1]:9464}. Without a host it is 127.0.0.1, so that only this machine can scrape;
 * any other address, the wildcard included, is written out. Port 0 means any free port.
 */
public record PrometheusAddress(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";
    private static final String EXPECTED = "expected [host:]port, for example 9464, 127.0.0.1:9464 or 0.0.0.0:9464";

    /** Parses {@code [host:]port}; the exception's message names the value and what is accepted. */
    public static PrometheusAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("prometheus=" + text + ": an IPv6 address goes in brackets, as in [::1]:9464");
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("prometheus=" + text + ": " + EXPECTED);
        }
        return new PrometheusAddress(host, Integer.parseInt(port));
    }
}
