package dev.poolsight.core.memory;

import java.util.regex.Pattern;

/** The one rule for message and conversation ids: short, printable, and free of Redis hash-tag braces. */
final class Identifiers {

    static final int MAX_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.:@/+=\\-]{1," + MAX_LENGTH + "}");
    static final String ACCEPTED = "accepted: 1 to " + MAX_LENGTH
            + " characters from A-Z, a-z, 0-9 and _ . : @ / + = -";

    private Identifiers() {
    }

    static String requireValid(String id) {
        return requireValid("message id", id);
    }

    static String requireValid(String what, String id) {
        if (id == null || !ALLOWED.matcher(id).matches()) {
            String shown = id == null ? "null" : '"' + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + '"';
            throw new IllegalArgumentException(what + " " + shown + " is not valid; " + ACCEPTED);
        }
        return id;
    }
}
