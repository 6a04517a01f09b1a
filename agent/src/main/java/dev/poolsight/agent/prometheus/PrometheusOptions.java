package dev.poolsight.agent.prometheus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent options of the Prometheus endpoint, taken from the agent's {@code key=value} pairs:
 * {@code prometheus=[host:]port}, and {@code prometheusUser} with {@code prometheusPasswordFile} for HTTP basic
 * authentication. The password is read from the file when the endpoint starts, so that it never appears on the
 * command line.
 *
 * @param address      the raw {@code [host:]port}
 * @param user         the user basic authentication asks for, with {@code passwordFile}; empty for no authentication
 * @param passwordFile the file holding that user's password
 */
public record PrometheusOptions(String address, Optional<String> user, Optional<Path> passwordFile) {

    /** The option keys this record reads. */
    public static final List<String> KEYS = List.of("prometheus", "prometheusUser", "prometheusPasswordFile");

    /**
     * The endpoint's options from {@code values}, or empty when {@code prometheus} is not set or the credentials are
     * half given; adds one line to {@code problems} for each value it cannot use.
     */
    public static Optional<PrometheusOptions> from(Map<String, String> values, List<String> problems) {
        Optional<String> user = nonEmpty(values.get("prometheusUser"));
        Optional<String> passwordFile = nonEmpty(values.get("prometheusPasswordFile"));
        if (user.isPresent() != passwordFile.isPresent()) {
            // Fail closed: whoever asked for authentication gets no endpoint rather than an open one.
            problems.add("prometheusUser and prometheusPasswordFile go together, and neither may be empty; "
                    + "the Prometheus endpoint not started");
            return Optional.empty();
        }
        return Optional.ofNullable(values.get("prometheus"))
                .map(address -> new PrometheusOptions(address, user, passwordFile.map(Path::of)));
    }

    private static Optional<String> nonEmpty(String text) {
        return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
