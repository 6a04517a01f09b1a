package dev.poolsight.agent.prometheus;

import dev.poolsight.agent.PasswordFile;
import java.nio.file.Path;

/**
 * The user and password that the Prometheus endpoint asks for with HTTP basic authentication. The password never
 * appears in {@link #toString()} nor in any message.
 */
public record PrometheusCredentials(String user, String password) {

    /**
     * Reads the password from {@code passwordFile}: its first line (see {@link PasswordFile}).
     *
     * @throws IllegalArgumentException when the file cannot be read or its first line is empty; the message names
     *                                  the file, never its content
     */
    public static PrometheusCredentials read(String user, Path passwordFile) {
        return new PrometheusCredentials(user, PasswordFile.read("prometheusPasswordFile", passwordFile));
    }

    @Override
    public String toString() {
        return "PrometheusCredentials[user=" + user + ", password=***]";
    }
}
