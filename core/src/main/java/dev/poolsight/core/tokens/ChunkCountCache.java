package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.api.Encoding;

/**
 * The token counts of recently seen chunks, so that the words a conversation repeats are merged by jtokkit once, not
 * at every message.
 *
 * <p>The cache is two-way set-associative: a chunk's hash picks a pair of slots, a new chunk goes into the first and
 * moves what was there to the second, dropping the older one. That bounds its memory ({@value #SLOTS} slots of chunks
 * up to {@value #LONGEST_CACHED} characters, about 1.2 MiB when full) without an eviction policy to maintain, and
 * keeps two frequent words whose hashes meet from pushing each other out at every turn, as they would in one slot.
 * A lookup needs no lock: slots hold immutable entries, written and read without synchronisation. A thread that reads
 * a slot before another's write is visible to it, or between the two writes of an insertion, only counts the chunk
 * again; the entries' final fields guarantee it never sees one half-built.
 *
 * <p>A miss is counted by jtokkit on the chunk alone. That is its count in the text: the pattern matches a chunk,
 * taken alone, as the same single chunk, because the one context-dependent part, {@code \s+(?!\S)}, can only stop a
 * white-space run earlier in context, never later alone.
 */
final class ChunkCountCache {

    static final int SLOTS = 1 << 14;
    static final int LONGEST_CACHED = 32;
    /** What {@link #cached} returns for a chunk it does not hold. */
    static final int ABSENT = -1;

    private final Encoding encoding;
    private final Entry[] slots = new Entry[SLOTS];

    ChunkCountCache(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The remembered token count of the chunk {@code text[start, end)}, or {@link #ABSENT}. */
    int cached(String text, int start, int end) {
        int length = end - start;
        if (length > LONGEST_CACHED) {
            return ABSENT;
        }
        int first = firstSlot(text, start, end);
        Entry entry = slots[first];
        if (entry == null || !entry.holds(text, start, length)) {
            entry = slots[first + 1];
            if (entry == null || !entry.holds(text, start, length)) {
                return ABSENT;
            }
        }
        return entry.tokens;
    }

    /** Counts the chunk {@code text[start, end)} with jtokkit, and remembers the count if the chunk is short enough. */
    int countAndRemember(String text, int start, int end) {
        String chunk = text.substring(start, end);
        int tokens = encoding.countTokensOrdinary(chunk);
        if (chunk.length() <= LONGEST_CACHED) {
            int first = firstSlot(text, start, end);
            slots[first + 1] = slots[first];
            slots[first] = new Entry(chunk, tokens);
        }
        return tokens;
    }

    /** The first of the chunk's pair of slots; the second follows it. */
    static int firstSlot(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        // Multiplicative (Fibonacci) hashing: the product's high bits, the slot, depend on every bit of the polynomial
        // hash, whose own high bits vary little between short chunks.
        return (hash * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(SLOTS / 2)) << 1;
    }

    private static final class Entry {
        final String chunk;
        final int tokens;

        Entry(String chunk, int tokens) {
            this.chunk = chunk;
            this.tokens = tokens;
        }

        boolean holds(String text, int start, int length) {
            return chunk.length() == length && text.regionMatches(start, chunk, 0, length);
        }
    }
}
