package dev.poolsight.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Reads an endpoint password from a file ({@code jolokiaPasswordFile=PATH}), so that it is not on the command line,
 * where {@code ps} and the JVM's own {@code InputArguments} show it to others. The file holds the password alone;
 * a trailing line break is not part of it. Messages name the option and the path, never the file's content.
 */
final class PasswordFile {

    private PasswordFile() {
    }

    /**
     * The password in {@code path}, or null when it cannot be read or is empty (a line in {@code problems} says
     * why). A file that other users may read still works, with a warning in {@code problems}.
     */
    static String read(String option, String path, List<String> problems) {
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            problems.add(option + "=" + path + " is not a file path (" + e.getReason() + ")");
            return null;
        }
        String password;
        try {
            password = stripLineBreak(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            problems.add(option + "=" + path + " cannot be read (" + e.getClass().getSimpleName() + ")");
            return null;
        }
        if (password.isEmpty()) {
            problems.add(option + "=" + path + " is empty; it must hold the password");
            return null;
        }
        if (readableByOthers(file)) {
            problems.add("warning: " + option + "=" + path + " can be read by other users of this machine; "
                    + "chmod 600 it");
        }
        return password;
    }

    private static String stripLineBreak(String content) {
        if (content.endsWith("\r\n")) {
            return content.substring(0, content.length() - 2);
        }
        return content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            return permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false; // not a POSIX file system: its access control is not ours to judge
        }
    }
}
