package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.PatternCategories.LETTER;
import static dev.poolsight.core.tokens.PatternCategories.NUMBER;
import static dev.poolsight.core.tokens.PatternCategories.WORD_PREFIX;

/**
 * The chunks of {@code cl100k_base}: exactly those of jtokkit 1.1.0's own hand-written parser for it, which follows
 * tiktoken's pattern
 * <pre>
 * '(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]++[\r\n]*|\s*[\r\n]|\s+(?!\S)|\s+
 * </pre>
 * Unlike {@code o200k_base}'s, a contraction is a chunk of its own, wherever it stands, and words are letters only,
 * without case classes or marks. jtokkit's parser is fast already; this one is here so that {@code cl100k_base}
 * counts, too, can come from the {@link ChunkCountCache}, which needs the chunks' bounds.
 */
final class Cl100kPreTokenizer implements PreTokenizer {

    @Override
    public int chunkEnd(String text, int start) {
        int n = text.length();
        int contractionEnd = Contractions.end(text, start, n);
        if (contractionEnd > start) {
            return contractionEnd;
        }
        int first = text.codePointAt(start);
        int firstCategories = PatternCategories.of(first);
        int afterFirst = start + Character.charCount(first);
        if ((firstCategories & LETTER) != 0) {
            return PatternRuns.runEnd(text, afterFirst, n, LETTER);
        }
        // The prefix is possessive, but giving it back could not help: without it, the word would have to start on
        // the prefix, which is no letter.
        if ((firstCategories & WORD_PREFIX) != 0 && afterFirst < n
                && (PatternCategories.of(text.codePointAt(afterFirst)) & LETTER) != 0) {
            return PatternRuns.runEnd(text, afterFirst, n, LETTER);
        }
        if ((firstCategories & NUMBER) != 0) {
            return PatternRuns.numbersEnd(text, start, n);
        }
        int symbolsEnd = PatternRuns.symbolsEnd(text, start, n, false);
        if (symbolsEnd > start) {
            return symbolsEnd;
        }
        return PatternRuns.whitespaceEnd(text, start, n);
    }
}
