package dev.poolsight.agent.jolokia;

/**
 * The user and password that the Jolokia endpoint asks for with HTTP basic authentication
 * ({@code jolokiaUser} and {@code jolokiaPassword}). The password never appears in {@link #toString()}.
 */
public record JolokiaCredentials(String user, String password) {

    @Override
    public String toString() {
        return "JolokiaCredentials[user=" + user + ", password=***]";
    }
}
