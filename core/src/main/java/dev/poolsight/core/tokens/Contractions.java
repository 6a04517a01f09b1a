package dev.poolsight.core.tokens;

/**
 * The English contractions that OpenAI's patterns keep with the word before them, {@code (?i:'s|'t|'re|'ve|'m|'ll|'d)},
 * matched as {@code java.util.regex} matches them with Unicode case: a character matches a letter when its upper
 * case' lower case is that letter, so {@code 'S} and {@code 'ſ} (long s) are contractions as well as {@code 's}.
 */
final class Contractions {

    private Contractions() {
    }

    /** The end of the contraction at {@code i}, or {@code i} when none begins there. */
    static int end(String text, int i, int n) {
        if (i + 1 >= n || text.charAt(i) != '\'') {
            return i;
        }
        char second = text.charAt(i + 1);
        if (folds(second, 's') || folds(second, 't') || folds(second, 'm') || folds(second, 'd')) {
            return i + 2;
        }
        if (i + 2 < n) {
            char third = text.charAt(i + 2);
            if (folds(second, 'r') && folds(third, 'e') || folds(second, 'v') && folds(third, 'e')
                    || folds(second, 'l') && folds(third, 'l')) {
                return i + 3;
            }
        }
        return i;
    }

    private static boolean folds(char c, char lowerCaseLetter) {
        return c == lowerCaseLetter || Character.toLowerCase(Character.toUpperCase(c)) == lowerCaseLetter;
    }
}
