package dev.poolsight.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an endpoint's password from a file ({@code jolokiaPasswordFile=PATH}, {@code prometheusPasswordFile=PATH}),
 * so that it is not on the command line, where {@code ps} and the JVM's own {@code InputArguments} show it to others.
 * The password is the file's first line, without its line break. Messages name the option and the path, never the
 * file's content.
 */
public final class PasswordFile {

    private PasswordFile() {
    }

    /**
     * The password in {@code file}.
     *
     * @throws IllegalArgumentException when the file cannot be read or its first line is empty; the message names
     *                                  the option and the file
     */
    public static String read(String option, Path file) {
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(option + "=" + file + " cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException(option + "=" + file + " is empty; its first line must be the password");
        }
        return password;
    }

    /**
     * A warning when users other than the file's owner may read {@code file}; empty when they may not, or when the
     * file system has no POSIX permissions to tell.
     */
    public static Optional<String> readableByOthers(String option, Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                return Optional.of("warning: " + option + "=" + file + " can be read by other users of this machine; "
                        + "chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // not a POSIX file system: its access control is not ours to judge
        }
        return Optional.empty();
    }
}
