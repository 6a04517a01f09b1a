package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.PatternCategories.LOWER_LIKE;
import static dev.poolsight.core.tokens.PatternCategories.NUMBER;
import static dev.poolsight.core.tokens.PatternCategories.UPPER_LIKE;
import static dev.poolsight.core.tokens.PatternCategories.WORD_PREFIX;

/**
 * The chunks of {@code o200k_base}, written out by hand: exactly those that jtokkit 1.1.0 finds with
 * {@code java.util.regex} and the pattern below (flag {@code UNICODE_CHARACTER_CLASS}), in a fraction of the time
 * (the regex takes about 12 us for a 400-character English text; the whole chunked count of one, splitting included,
 * 2 us), because the regex engine tries the alternatives with backtracking at every chunk, and this class decides
 * each with one pass over the characters.
 * <pre>
 * [^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?
 * |\p{N}{1,3}
 * | ?[^\s\p{L}\p{N}]+[\r\n/]*
 * |\s*[\r\n]+
 * |\s+(?!\S)
 * |\s+
 * </pre>
 * The alternatives are tried in this order, as the regex takes the first that matches; the comments name the
 * backtracking each one reproduces. The last five are {@link PatternRuns}, which {@code cl100k_base} shares.
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
            return PatternRuns.numbersEnd(text, start, n);
        }
        int symbolsEnd = PatternRuns.symbolsEnd(text, start, n, true);
        if (symbolsEnd > start) {
            return symbolsEnd;
        }
        // Every letter starts a word and every number, symbol or other non-space a chunk above: what is left is
        // white space, which the last three alternatives always match.
        return PatternRuns.whitespaceEnd(text, start, n);
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
        i = PatternRuns.runEnd(text, i, n, LOWER_LIKE);
        return i > upperEnd ? i : afterLastBoth;
    }

    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*} from {@code from}, or {@link #NONE}. */
    private static int upperStartingWordEnd(String text, int from, int n) {
        int upperEnd = PatternRuns.runEnd(text, from, n, UPPER_LIKE);
        return upperEnd == from ? NONE : PatternRuns.runEnd(text, upperEnd, n, LOWER_LIKE);
    }
}
