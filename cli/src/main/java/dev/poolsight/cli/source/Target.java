package dev.poolsight.cli.source;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

/** A JVM named on the command line: a process id on this machine, or the URL of its agent's Jolokia endpoint. */
public final class Target {

    private final String text;
    private final Long pid;
    private final URI url;

    private Target(String text, Long pid, URI url) {
        this.text = text;
        this.pid = pid;
        this.url = url;
    }

    /** Parses {@code 4242} or {@code http://127.0.0.1:8778/jolokia}; a URL without a path gets {@code /jolokia}. */
    public static Target parse(String text) {
        if (text.matches("[0-9]{1,10}")) {
            return new Target(text, Long.parseLong(text), null);
        }
        if (text.startsWith("http://") || text.startsWith("https://")) {
            try {
                URI url = URI.create(text);
                if (url.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                String path = url.getPath() == null || url.getPath().isEmpty() || url.getPath().equals("/")
                        ? "/jolokia" : url.getPath();
                return new Target(text, null, new URI(url.getScheme(), null, url.getHost(), url.getPort(), path,
                        null, null));
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                throw new IllegalArgumentException("TARGET \"" + text + "\" is not a valid URL; expected a Jolokia URL "
                        + "such as http://127.0.0.1:8778/jolokia");
            }
        }
        throw new IllegalArgumentException("TARGET \"" + text + "\": expected a process id such as 4242 or a Jolokia "
                + "URL such as http://127.0.0.1:8778/jolokia");
    }

    /**
     * Opens the pools of the target: over Jolokia for a URL; for a process id, through the JVM's local JMX connector
     * (started through the attach API, as jcmd does), after loading the agent there when it has no Poolsight pools.
     */
    public PoolSource open(Map<String, String> environment, PrintWriter messages) {
        if (url != null) {
            return JolokiaPoolSource.at(url, environment);
        }
        return PidAttach.open(pid, messages);
    }

    @Override
    public String toString() {
        return text;
    }
}
