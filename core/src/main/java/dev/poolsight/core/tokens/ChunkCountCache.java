package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.api.Encoding;

/**
 * The token counts of recently seen chunks, so that the words a conversation repeats are merged by jtokkit once, not
 * at every message.
 *
 * <p>The cache is direct-mapped: a chunk's hash picks one slot, and a chunk that lands on a taken slot replaces what
 * was there. That bounds its memory ({@value #SLOTS} slots of chunks up to {@value #LONGEST_CACHED} characters, under
 * 1 MiB when full) without an eviction policy to maintain, and a lookup needs no lock: slots hold immutable entries,
 * written and read without synchronisation. A thread that reads a slot before another's write is visible to it only
 * counts the chunk again; the entry's final fields guarantee it never sees one half-built.
 *
 * <p>A miss is counted by jtokkit on the chunk alone. That is its count in the text: the pattern matches a chunk,
 * taken alone, as the same single chunk, because the one context-dependent part, {@code \s+(?!\S)}, can only stop a
 * white-space run earlier in context, never later alone.
 */
final class ChunkCountCache {

    static final int SLOTS = 1 << 13;
    static final int LONGEST_CACHED = 32;

    private final Encoding encoding;
    private final Entry[] slots = new Entry[SLOTS];

    ChunkCountCache(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The number of tokens of the chunk {@code text[start, end)}. */
    int count(String text, int start, int end) {
        int length = end - start;
        if (length > LONGEST_CACHED) {
            return encoding.countTokensOrdinary(text.substring(start, end));
        }
        int slot = slot(text, start, end);
        Entry entry = slots[slot];
        if (entry != null && entry.chunk.length() == length && text.regionMatches(start, entry.chunk, 0, length)) {
            return entry.tokens;
        }
        String chunk = text.substring(start, end);
        int tokens = encoding.countTokensOrdinary(chunk);
        slots[slot] = new Entry(chunk, tokens);
        return tokens;
    }

    private static int slot(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        // Fibonacci hashing spreads the polynomial hash's low-entropy high bits over the slot index.
        return (hash * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(SLOTS));
    }

    private static final class Entry {
        final String chunk;
        final int tokens;

        Entry(String chunk, int tokens) {
            this.chunk = chunk;
            this.tokens = tokens;
        }
    }
}
