package dev.poolsight.agent.prometheus;

import dev.poolsight.agent.PasswordFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent options of the Prometheus endpoint, taken from the agent's {@code key=value} pairs:
 * {@code prometheus=[host:]port}, and {@code prometheusUser} with {@code prometheusPasswordFile} for HTTP basic
 * authentication, the password read from the file (see {@link PasswordFile}) so that it is never on the command line.
 *
 * @param address     the raw {@code [host:]port}, parsed when the endpoint starts
 * @param credentials the user and password basic authentication asks for; empty for no authentication
 */
public record PrometheusOptions(String address, Optional<PrometheusCredentials> credentials) {

    /**
     * The endpoint's options from {@code values}, or empty when {@code prometheus} is not set or authentication was
     * asked for but cannot be given; adds one line to {@code problems} for each value it cannot use.
     */
    public static Optional<PrometheusOptions> from(Map<String, String> values, List<String> problems) {
        String address = values.get("prometheus");
        boolean authenticationAsked = values.containsKey("prometheusUser") || values.containsKey("prometheusPasswordFile");
        if (address == null) {
            if (authenticationAsked) {
                problems.add("prometheusUser and prometheusPasswordFile without prometheus=[host:]port: ignored");
            }
            return Optional.empty();
        }
        if (!authenticationAsked) {
            return Optional.of(new PrometheusOptions(address, Optional.empty()));
        }
        String user = nonEmpty(values.get("prometheusUser"));
        String file = nonEmpty(values.get("prometheusPasswordFile"));
        String password = file == null ? null : PasswordFile.read("prometheusPasswordFile", file, problems);
        if (user == null || password == null) {
            // Fail closed: whoever asked for authentication gets no endpoint rather than an open one.
            problems.add("prometheusUser and prometheusPasswordFile go together, and neither may be empty; "
                    + "the Prometheus endpoint not started");
            return Optional.empty();
        }
        return Optional.of(new PrometheusOptions(address, Optional.of(new PrometheusCredentials(user, password))));
    }

    private static String nonEmpty(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
