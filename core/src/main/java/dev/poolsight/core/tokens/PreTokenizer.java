package dev.poolsight.core.tokens;

/**
 * Splits a text into the chunks that an encoding's byte-pair merges work within, as its pre-tokenization pattern
 * does. The chunks follow one another without gaps, so a text's token count is the sum of its chunks' counts.
 */
interface PreTokenizer {

    /**
     * The end (exclusive) of the chunk that begins at {@code start}, which is below {@code text.length()} and at the
     * end of the previous chunk.
     */
    int chunkEnd(String text, int start);
}
