package dev.poolsight.agent.jolokia;

/**
 * Where the Jolokia endpoint listens, from the agent option {@code jolokia=[host:]port}: {@code 8778},
 * {@code 127.0.0.1:8778}, {@code 0.0.0.0:8778} or {@code [::1]:8778}. Without a host it is 127.0.0.1, so that only
 * this machine can connect; every other address, the wildcard 0.0.0.0 included, has to be written out. Port 0 means
 * any free port; the start-up line tells which one.
 */
public record JolokiaAddress(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";
    private static final String EXPECTED = "expected [host:]port, for example 8778, 127.0.0.1:8778 or 0.0.0.0:8778";

    /** Parses {@code [host:]port}; the message of the exception names the value and what is accepted. */
    public static JolokiaAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("jolokia=" + text + ": an IPv6 address goes in brackets, as in [::1]:8778");
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException("jolokia=" + text + ": " + EXPECTED);
        }
        return new JolokiaAddress(host, Integer.parseInt(port));
    }
}
