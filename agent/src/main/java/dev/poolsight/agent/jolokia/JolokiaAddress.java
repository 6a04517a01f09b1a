package dev.poolsight.agent.jolokia;

import dev.poolsight.agent.EndpointAddress;

/**
 * Where the Jolokia endpoint listens, from the agent option {@code jolokia=[host:]port}: {@code 8778},
 * {@code 127.0.0.1:8778}, {@code 0.0.0.0:8778} or {@code [::1]:8778}; 127.0.0.1 without a host (see
 * {@link EndpointAddress}).
 */
public record JolokiaAddress(String host, int port) {

    /** Parses {@code [host:]port}; the message of the exception names the value and what is accepted. */
    public static JolokiaAddress parse(String text) {
        EndpointAddress address = EndpointAddress.parse("jolokia", text, 8778);
        return new JolokiaAddress(address.host(), address.port());
    }
}
