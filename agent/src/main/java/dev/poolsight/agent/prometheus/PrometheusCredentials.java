package dev.poolsight.agent.prometheus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * The user and password that the Prometheus endpoint asks for with HTTP basic authentication. The password never
 * appears in {@link #toString()} nor in any message.
 */
public record PrometheusCredentials(String user, String password) {

    /**
     * Reads the password from {@code passwordFile}: its first line, without the line break.
     *
     * @throws IllegalArgumentException when the file cannot be read or its first line is empty; the message names
     *                                  the file, never its content
     */
    public static PrometheusCredentials read(String user, Path passwordFile) {
        String password;
        try {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("prometheusPasswordFile=" + passwordFile + ": cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("prometheusPasswordFile=" + passwordFile
                    + ": the first line, the password, is empty");
        }
        return new PrometheusCredentials(user, password);
    }

    /**
     * A warning when users other than the file's owner may read {@code passwordFile}; empty when they may not, or
     * when the file system has no POSIX permissions to tell.
     */
    public static Optional<String> readableByOthers(Path passwordFile) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(passwordFile);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("prometheusPasswordFile=" + passwordFile + " can be read by other users; "
                        + "chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PrometheusCredentials[user=" + user + ", password=***]";
    }
}
