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

    private final PreTokenizer preTokenizer;
    private final ChunkCountCache counts;

    ChunkedTokenCounter(PreTokenizer preTokenizer, Encoding encoding) {
        this.preTokenizer = preTokenizer;
        this.counts = new ChunkCountCache(encoding);
    }

    /** A chunked counter for {@code encoding}, or empty when no pre-tokenizer reproduces its pattern. */
    static Optional<TokenCounter> forEncoding(EncodingType type, Encoding encoding) {
        if (type == EncodingType.O200K_BASE) {
            return Optional.of(new ChunkedTokenCounter(new O200kPreTokenizer(), encoding));
        }
        return Optional.empty();
    }

    @Override
    public int count(String text) {
        int tokens = 0;
        int n = text.length();
        for (int start = 0; start < n; ) {
            int end = preTokenizer.chunkEnd(text, start);
            tokens += counts.count(text, start, end);
            start = end;
        }
        return tokens;
    }
}
