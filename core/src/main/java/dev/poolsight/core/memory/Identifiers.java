package dev.poolsight.core.memory;

/** The one rule for message and conversation ids: short, printable, and free of Redis hash-tag braces. */
final class Identifiers {

    static final int MAX_LENGTH = 256;
    private static final String ALLOWED_PUNCTUATION = "_.:@/+=-";
    static final String ACCEPTED = "accepted: 1 to " + MAX_LENGTH
            + " characters from A-Z, a-z, 0-9 and _ . : @ / + = -";

    // Every append checks its conversation id and every new message its id: a table lookup per character costs a
    // fraction of what a regular expression did (about 3 us an id on the append path).
    private static final boolean[] ALLOWED = allowedAscii();

    private Identifiers() {
    }

    static String requireValid(String id) {
        return requireValid("message id", id);
    }

    static String requireValid(String what, String id) {
        if (!isValid(id)) {
            String shown = id == null ? "null" : '"' + (id.length() > 80 ? id.substring(0, 80) + "..." : id) + '"';
            throw new IllegalArgumentException(what + " " + shown + " is not valid; " + ACCEPTED);
        }
        return id;
    }

    private static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= ALLOWED.length || !ALLOWED[c]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] allowedAscii() {
        boolean[] allowed = new boolean[0x80];
        for (char c = 'A'; c <= 'Z'; c++) {
            allowed[c] = true;
            allowed[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            allowed[c] = true;
        }
        for (char c : ALLOWED_PUNCTUATION.toCharArray()) {
            allowed[c] = true;
        }
        return allowed;
    }
}
