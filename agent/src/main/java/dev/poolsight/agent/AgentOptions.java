package dev.poolsight.agent;

import dev.poolsight.agent.jolokia.JolokiaCredentials;
import dev.poolsight.agent.prometheus.PrometheusOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's options, written as {@code key=value} pairs separated by commas, as Jolokia's and jmx_exporter's
 * agents take them: {@code -javaagent:poolsight-agent.jar=leakThreshold=30s,window=60s}.
 *
 * <p>Parsing never fails: an unknown key or a bad value becomes a {@link #problems() problem} that the agent
 * prints as one line on stderr, and the option keeps its default, so that the host application starts anyway.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code leakThreshold}</td><td>off</td><td>a connection held longer is a leak suspect; Go duration</td></tr>
 *   <tr><td>{@code window}</td><td>{@code 60s}</td><td>how far back the wait and hold percentiles look</td></tr>
 *   <tr><td>{@code jolokia}</td><td>off</td><td>{@code [host:]port} of a read-only Jolokia HTTP endpoint for the MBeans of
 *       {@code dev.poolsight} and {@code java.lang}; 127.0.0.1 without a host, {@code 0.0.0.0:port} for every
 *       interface</td></tr>
 *   <tr><td>{@code redisCommands}</td><td>{@code true}</td><td>time every command Jedis sends, per pool and command
 *       name; {@code redisCommands=false} leaves Jedis' classes as they are</td></tr>
 *   <tr><td>{@code quiet}</td><td>{@code false}</td><td>no start-up line on stderr (a Jolokia port is still
 *       announced)</td></tr>
 *   <tr><td>{@code jolokiaUser}</td><td>none</td><td>user for HTTP basic authentication at the Jolokia endpoint</td></tr>
 *   <tr><td>{@code jolokiaPasswordFile}</td><td>none</td><td>a file that holds its password (a trailing line break is
 *       not part of it); never printed. User and password go together: with only one, Jolokia does not start</td></tr>
 *   <tr><td>{@code jolokiaPassword}</td><td>none</td><td>the password itself (no commas), for a quick trial: it is
 *       on the command line, where {@code ps} shows it, so a warning says so</td></tr>
 *   <tr><td>{@code prometheus}</td><td>off</td><td>{@code [host:]port} of a Prometheus {@code /metrics} endpoint;
 *       127.0.0.1 without a host</td></tr>
 *   <tr><td>{@code prometheusUser}</td><td>none</td><td>user for HTTP basic authentication at that endpoint</td></tr>
 *   <tr><td>{@code prometheusPasswordFile}</td><td>none</td><td>file whose first line is its password; set both or
 *       neither (see {@link PrometheusOptions})</td></tr>
 * </table>
 */
public final class AgentOptions {

    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    private static final List<String> KEYS = List.of("leakThreshold", "window", "jolokia", "quiet", "jolokiaUser",
            "jolokiaPasswordFile", "jolokiaPassword", "prometheus", "prometheusUser", "prometheusPasswordFile",
            "redisCommands");

    /** Options that may stand alone, meaning true. */
    private static final List<String> FLAGS = List.of("quiet", "redisCommands");

    private final Map<String, String> values;
    private final List<String> problems;
    private final Duration leakThreshold;
    private final Duration window;
    private final boolean quiet;
    private final boolean redisCommands;
    private final JolokiaCredentials jolokiaCredentials;
    private final String jolokia;
    private final Optional<PrometheusOptions> prometheus;

    private AgentOptions(Map<String, String> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
        this.leakThreshold = duration("leakThreshold", null, false);
        this.window = duration("window", DEFAULT_WINDOW, true);
        this.quiet = flag("quiet", false);
        this.redisCommands = flag("redisCommands", true);
        String user = nonEmpty("jolokiaUser");
        String password = jolokiaPassword();
        boolean passwordAsked = values.containsKey("jolokiaPassword") || values.containsKey("jolokiaPasswordFile");
        boolean halfCredentials = user != null ? password == null : passwordAsked;
        if (halfCredentials) {
            // Fail closed: whoever asked for authentication gets no endpoint rather than an open one.
            problems.add("jolokiaUser and a password (jolokiaPasswordFile or jolokiaPassword) go together, and neither "
                    + "may be empty; Jolokia not started");
        }
        this.jolokiaCredentials = user == null || password == null ? null : new JolokiaCredentials(user, password);
        this.jolokia = halfCredentials ? null : values.get("jolokia");
        this.prometheus = PrometheusOptions.from(values, problems);
    }

    /** Parses the agent argument; {@code null} or blank means all defaults. */
    public static AgentOptions parse(String argument) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (argument != null && !argument.isBlank()) {
            for (String pair : argument.split(",")) {
                String trimmed = pair.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int equals = trimmed.indexOf('=');
                String key = equals < 0 ? trimmed : trimmed.substring(0, equals).trim();
                String value = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
                if (!KEYS.contains(key)) {
                    problems.add("unknown option \"" + key + "\" ignored; accepted: " + String.join(", ", KEYS));
                } else if (equals < 0 && !FLAGS.contains(key)) {
                    problems.add("option " + key + " needs a value, as in " + key + "=...; ignored");
                } else {
                    values.put(key, value);
                }
            }
        }
        return new AgentOptions(values, problems);
    }

    private Duration duration(String key, Duration fallback, boolean positive) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            Duration parsed = AgentDurations.parse(text);
            if (parsed.isNegative() || (positive && parsed.isZero())) {
                problems.add(key + "=" + text + " must be " + (positive ? "positive" : "zero or positive")
                        + "; using " + describe(fallback));
                return fallback;
            }
            return parsed.isZero() ? null : parsed;
        } catch (IllegalArgumentException e) {
            problems.add(key + "=" + text + " is not a duration (" + e.getMessage() + "); using " + describe(fallback));
            return fallback;
        }
    }

    private String jolokiaPassword() {
        String file = nonEmpty("jolokiaPasswordFile");
        String inline = nonEmpty("jolokiaPassword");
        if (file != null && inline != null) {
            problems.add("jolokiaPasswordFile and jolokiaPassword both given: give one; Jolokia not started");
            return null;
        }
        if (inline != null) {
            problems.add("warning: jolokiaPassword is on the command line, where ps shows it to every user of this "
                    + "machine; use jolokiaPasswordFile=PATH");
            return inline;
        }
        if (file == null) {
            return null;
        }
        try {
            Path path = Path.of(file);
            String password = PasswordFile.read("jolokiaPasswordFile", path);
            PasswordFile.readableByOthers("jolokiaPasswordFile", path).ifPresent(problems::add);
            return password;
        } catch (IllegalArgumentException e) { // InvalidPathException too
            problems.add(e.getMessage());
            return null;
        }
    }

    private String nonEmpty(String key) {
        String text = values.get(key);
        return text == null || text.isEmpty() ? null : text;
    }

    private static String describe(Duration value) {
        return value == null ? "off" : value.toString();
    }

    private boolean flag(String key, boolean fallback) {
        String text = values.get(key);
        if (text == null) {
            return fallback;
        }
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        problems.add(key + "=" + text + " is not true or false; using " + fallback);
        return fallback;
    }

    /** Connections held longer than this are leak suspects; empty when leak detection is off. */
    public Optional<Duration> leakThreshold() {
        return Optional.ofNullable(leakThreshold);
    }

    /** The sliding window of the wait and hold percentiles. */
    public Duration window() {
        return window;
    }

    /** The raw {@code jolokia} value, {@code [host:]port}, when set; empty also when the credentials are half given. */
    public Optional<String> jolokia() {
        return Optional.ofNullable(jolokia);
    }

    /** The basic-authentication credentials of the Jolokia endpoint, when both user and password are given. */
    public Optional<JolokiaCredentials> jolokiaCredentials() {
        return Optional.ofNullable(jolokiaCredentials);
    }

    /** The Prometheus endpoint's options, when {@code prometheus} is set and its credentials are whole. */
    public Optional<PrometheusOptions> prometheus() {
        return prometheus;
    }

    public boolean quiet() {
        return quiet;
    }

    /** Whether Jedis' commands are timed ({@code redisCommands}, on unless set to false). */
    public boolean redisCommands() {
        return redisCommands;
    }

    /** One line per unknown key or bad value, for stderr. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }
}
