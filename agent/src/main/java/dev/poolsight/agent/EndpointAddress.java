package dev.poolsight.agent;

/**
 * Where one of the agent's HTTP endpoints listens, from its option's {@code [host:]port}: {@code 9464},
 * {@code 127.0.0.1:9464}, {@code 0.0.0.0:9464} or {@code [::1]:9464}. Without a host it is 127.0.0.1, so that only
 * this machine can connect; every other address, the wildcard 0.0.0.0 included, has to be written out. Port 0 means
 * any free port; the start-up line tells which one.
 */
public record EndpointAddress(String host, int port) {

    static final String LOOPBACK = "127.0.0.1";

    /**
     * Parses {@code text}, the value of option {@code option}; the exception's message names the option, the value
     * and what is accepted, with {@code examplePort} in its examples.
     */
    public static EndpointAddress parse(String option, String text, int examplePort) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? LOOPBACK : text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(option + "=" + text + ": an IPv6 address goes in brackets, as in [::1]:"
                    + examplePort);
        }
        if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65_535) {
            throw new IllegalArgumentException(option + "=" + text + ": expected [host:]port, for example " + examplePort
                    + ", 127.0.0.1:" + examplePort + " or 0.0.0.0:" + examplePort);
        }
        return new EndpointAddress(host, Integer.parseInt(port));
    }
}
