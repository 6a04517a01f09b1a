package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Optional;

/**
 * Counts a text as jtokkit's {@code countTokensOrdinary} does, to the token, but splits it with a hand-written
 * {@link PreTokenizer} instead of jtokkit's regex and takes the chunks' counts from a {@link ChunkCountCache}. For the
 * messages of a conversation, whose words repeat, this is several times cheaper: jtokkit spends most of its time
 * matching the pattern and merging bytes, and here only chunks not seen lately are merged.
 */
final class ChunkedTokenCounter implements TokenCounter {

    /**
     * The misses any text may have before {@link #count} considers handing it to jtokkit whole: enough to teach the
     * cache a few chunks of every text, so that a stream of new words warms it up.
     */
    static final int FREE_MISSES = 4;

    /** The longest text {@link #countIfKnown} looks up: about 10 us of look-ups for common words. */
    static final int LONGEST_KNOWN = 4_096;

    private final PreTokenizer preTokenizer;
    private final Encoding encoding;
    private final ChunkCountCache counts;

    ChunkedTokenCounter(PreTokenizer preTokenizer, Encoding encoding) {
        this.preTokenizer = preTokenizer;
        this.encoding = encoding;
        this.counts = new ChunkCountCache(encoding);
    }

    /** A chunked counter for {@code encoding}, or empty when no pre-tokenizer reproduces its pattern. */
    static Optional<TokenCounter> forEncoding(EncodingType type, Encoding encoding) {
        return switch (type) {
            case O200K_BASE -> Optional.of(new ChunkedTokenCounter(new O200kPreTokenizer(), encoding));
            case CL100K_BASE -> Optional.of(new ChunkedTokenCounter(new Cl100kPreTokenizer(), encoding));
            default -> Optional.empty();
        };
    }

    /**
     * The text's count: the sum of its chunks' counts. A chunk that misses the cache costs a little more than the
     * same chunk inside jtokkit's count of the whole text (a call, a matcher and a copy of its own), so a text whose
     * chunks mostly miss (random identifiers, encoded data, a language not seen lately) would cost more than
     * jtokkit's count: once more than half of the chunks so far, and more than {@link #FREE_MISSES}, have missed,
     * the whole text is counted by jtokkit instead, which costs at most the first chunks' splitting and misses more.
     */
    @Override
    public int count(String text) {
        return sumOfChunks(text, true);
    }

    /**
     * The text's count from the cache alone: {@link #UNKNOWN} at the first chunk it does not hold, or for a text
     * longer than {@value #LONGEST_KNOWN} characters, whose look-ups would cost an application's thread more than an
     * estimate does.
     */
    @Override
    public int countIfKnown(String text) {
        return text.length() > LONGEST_KNOWN ? UNKNOWN : sumOfChunks(text, false);
    }

    /** The sum of the chunks' counts; a chunk the cache does not hold is counted, or makes the sum {@link #UNKNOWN}. */
    private int sumOfChunks(String text, boolean countMisses) {
        int tokens = 0;
        int chunks = 0;
        int misses = 0;
        int n = text.length();
        for (int start = 0; start < n; ) {
            int end = preTokenizer.chunkEnd(text, start);
            chunks++;
            int chunkTokens = counts.cached(text, start, end);
            if (chunkTokens == ChunkCountCache.ABSENT) {
                if (!countMisses) {
                    return UNKNOWN;
                }
                misses++;
                if (misses > FREE_MISSES && 2 * misses > chunks) {
                    return encoding.countTokensOrdinary(text);
                }
                chunkTokens = counts.countAndRemember(text, start, end);
            }
            tokens += chunkTokens;
            start = end;
        }
        return tokens;
    }
}
