package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.PatternCategories.LINE_BREAK;
import static dev.poolsight.core.tokens.PatternCategories.NUMBER;
import static dev.poolsight.core.tokens.PatternCategories.SYMBOL;
import static dev.poolsight.core.tokens.PatternCategories.WHITESPACE;

/**
 * The alternatives that {@code o200k_base}'s and {@code cl100k_base}'s patterns share, as the ends of the runs they
 * match. Characters are code points, as for the regex: a surrogate pair is one character, a lone surrogate a symbol.
 */
final class PatternRuns {

    private PatternRuns() {
    }

    /** The end of the run of characters in {@code category} from {@code i}. */
    static int runEnd(String text, int i, int n, int category) {
        while (i < n) {
            int c = text.codePointAt(i);
            if ((PatternCategories.of(c) & category) == 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** {@code \p{N}{1,3}} from {@code start}, a number. */
    static int numbersEnd(String text, int start, int n) {
        int i = start;
        for (int taken = 0; taken < 3 && i < n; taken++) {
            int c = text.codePointAt(i);
            if ((PatternCategories.of(c) & NUMBER) == 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /**
     * {@code  ?[^\s\p{L}\p{N}]+[\r\n]*} ({@code [\r\n/]*} with {@code slashToo}) from {@code start}, or
     * {@code start} when the text there is neither a symbol nor a space before one.
     */
    static int symbolsEnd(String text, int start, int n, boolean slashToo) {
        int i = text.charAt(start) == ' ' && start + 1 < n ? start + 1 : start;
        int symbolsEnd = runEnd(text, i, n, SYMBOL);
        if (symbolsEnd == i) {
            return start;
        }
        i = symbolsEnd;
        while (i < n && (text.charAt(i) == '\r' || text.charAt(i) == '\n' || slashToo && text.charAt(i) == '/')) {
            i++;
        }
        return i;
    }

    /**
     * {@code \s*[\r\n]+|\s+(?!\S)|\s+} from {@code start}, a white-space character ({@code cl100k_base}'s
     * {@code \s*[\r\n]} ends at the same place). With a line break in the run of white space, the chunk ends after the
     * last one. Otherwise the run is a chunk when it ends the text; before anything else the lookahead makes the
     * regex leave the run's last character to the next chunk (where it prefixes a word or symbols), unless that is the
     * run's only character.
     */
    static int whitespaceEnd(String text, int start, int n) {
        int i = start;
        int afterLastBreak = -1;
        while (i < n) {
            int categories = PatternCategories.of(text.charAt(i)); // all white space is in the Basic Multilingual Plane
            if ((categories & WHITESPACE) == 0) {
                break;
            }
            i++;
            if ((categories & LINE_BREAK) != 0) {
                afterLastBreak = i;
            }
        }
        if (afterLastBreak != -1) {
            return afterLastBreak;
        }
        return i == n || i - start == 1 ? i : i - 1;
    }
}
