package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.PatternCategories.LINE_BREAK;
import static dev.poolsight.core.tokens.PatternCategories.LOWER_LIKE;
import static dev.poolsight.core.tokens.PatternCategories.NUMBER;
import static dev.poolsight.core.tokens.PatternCategories.SYMBOL;
import static dev.poolsight.core.tokens.PatternCategories.UPPER_LIKE;
import static dev.poolsight.core.tokens.PatternCategories.WHITESPACE;
import static dev.poolsight.core.tokens.PatternCategories.WORD_PREFIX;

/**
 * The chunks of {@code o200k_base}, written out by hand: exactly those that jtokkit 1.1.0 finds with
 * {@code java.util.regex} and the pattern below (flag {@code UNICODE_CHARACTER_CLASS}), in about a tenth of the time,
 * because the regex engine tries the alternatives with backtracking at every chunk, and this class decides each
 * with one pass over the characters.
 * <pre>
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |\p{N}{1,3}
 * | ?[^\s\p{L}\p{N}]+[\r\n/]*
 * |\s*[\r\n]+
 * |\s+(?!\S)
 * |\s+
 * </pre>
 * The methods below follow the alternatives in this order, since the regex takes the first that matches; the
 * comments name the backtracking each one reproduces. Characters are code points, as for the regex: a surrogate pair
 * is one character, a lone surrogate a symbol.
 */
final class O200kPreTokenizer implements PreTokenizer {

    private static final int NONE = -1;

    @Override
    public int chunkEnd(String text, int start) {
        int n = text.length();
        int first = text.codePointAt(start);
        int firstCategories = PatternCategories.of(first);
        int afterFirst = start + Character.charCount(first);
        boolean prefix = (firstCategories & WORD_PREFIX) != 0;

        int end = prefix ? lowerEndingWordEnd(text, afterFirst, n) : NONE;
        if (end == NONE) {
            end = lowerEndingWordEnd(text, start, n);
        }
        if (end == NONE && prefix) {
            end = upperStartingWordEnd(text, afterFirst, n);
        }
        if (end == NONE) {
            end = upperStartingWordEnd(text, start, n);
        }
        if (end != NONE) {
            return Contractions.end(text, end, n);
        }
        if ((firstCategories & NUMBER) != 0) {
            return numberEnd(text, afterFirst, n);
        }
        if ((firstCategories & SYMBOL) != 0) {
            return symbolsEnd(text, afterFirst, n);
        }
        if (first == ' ' && afterFirst < n && (PatternCategories.of(text.codePointAt(afterFirst)) & SYMBOL) != 0) {
            return symbolsEnd(text, afterFirst + Character.charCount(text.codePointAt(afterFirst)), n);
        }
        // Every letter starts a word and every number, symbol or other non-space a chunk above: what is left is
        // white space, which the last three alternatives always match.
        return whitespaceEnd(text, start, n);
    }

    /**
     * {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+} from {@code from}, or {@link #NONE}. The
     * greedy first run takes every upper-like character; when no lower-like one follows, the regex gives them back
     * one by one until the second run can start on one that is both (a modifier or other letter, or a mark), which
     * then ends the word.
     */
    private static int lowerEndingWordEnd(String text, int from, int n) {
        int i = from;
        int afterLastBoth = NONE;
        while (i < n) {
            int c = text.codePointAt(i);
            int categories = PatternCategories.of(c);
            if ((categories & UPPER_LIKE) == 0) {
                break;
            }
            i += Character.charCount(c);
            if ((categories & LOWER_LIKE) != 0) {
                afterLastBoth = i;
            }
        }
        int upperEnd = i;
        i = runEnd(text, i, n, LOWER_LIKE);
        return i > upperEnd ? i : afterLastBoth;
    }

    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*} from {@code from}, or {@link #NONE}. */
    private static int upperStartingWordEnd(String text, int from, int n) {
        int upperEnd = runEnd(text, from, n, UPPER_LIKE);
        return upperEnd == from ? NONE : runEnd(text, upperEnd, n, LOWER_LIKE);
    }

    /** {@code \p{N}{1,3}}, the first number already taken. */
    private static int numberEnd(String text, int i, int n) {
        for (int taken = 1; taken < 3 && i < n; taken++) {
            int c = text.codePointAt(i);
            if ((PatternCategories.of(c) & NUMBER) == 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** {@code [^\s\p{L}\p{N}]+[\r\n/]*}, the first symbol already taken. */
    private static int symbolsEnd(String text, int i, int n) {
        i = runEnd(text, i, n, SYMBOL);
        while (i < n && (text.charAt(i) == '\r' || text.charAt(i) == '\n' || text.charAt(i) == '/')) {
            i++;
        }
        return i;
    }

    /**
     * {@code \s*[\r\n]+|\s+(?!\S)|\s+} from {@code start}, a white-space character. With a line break in the run of
     * white space, the chunk ends after the last one. Otherwise the run is a chunk when it ends the text; before a
     * non-space the lookahead makes the regex leave the run's last character to the next chunk (where it prefixes a
     * word or symbols), unless that is the run's only character.
     */
    private static int whitespaceEnd(String text, int start, int n) {
        int i = start;
        int afterLastBreak = NONE;
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
        if (afterLastBreak != NONE) {
            return afterLastBreak;
        }
        return i == n || i - start == 1 ? i : i - 1;
    }

    private static int runEnd(String text, int i, int n, int category) {
        while (i < n) {
            int c = text.codePointAt(i);
            if ((PatternCategories.of(c) & category) == 0) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
