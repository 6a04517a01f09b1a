package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.api.Encoding;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The token counts of recently seen chunks, so that the words a conversation repeats are merged by jtokkit once, not
 * at every message.
 *
 * <p>The cache is two-way set-associative: a chunk's hash picks a pair of slots, a new chunk goes into the first and
 * moves what was there to the second, dropping the older one. That bounds its memory ({@value #SLOTS} slots of chunks
 * up to {@value #LONGEST_CACHED} characters, about 1.2 MiB when full, and 128 KiB for the short chunks below) without
 * an eviction policy to maintain, and keeps two frequent words whose hashes meet from pushing each other out at every
 * turn, as they would in one slot.
 * A lookup needs no lock: slots hold immutable entries, written and read without synchronisation. A thread that reads
 * a slot before another's write is visible to it, or between the two writes of an insertion, only counts the chunk
 * again; the entries' final fields guarantee it never sees one half-built.
 *
 * <p>Chunks of up to {@value #SHORT_CHUNK} ASCII characters, most of a prose text's (a word and its leading space),
 * are kept apart, in a flat array of longs: the characters, the length and the count packed into one long, so that a
 * look-up reads one array element, with no entry, string or byte array to follow and compare. A long is read and
 * written whole (opaque access), so a reader sees an old or a new chunk, never half of each.
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

    /** The longest chunk kept packed in a long: 8 ASCII characters of 7 bits, its length and its count. */
    static final int SHORT_CHUNK = 8;

    private static final int LENGTH_SHIFT = 7 * SHORT_CHUNK;
    private static final int TOKENS_SHIFT = LENGTH_SHIFT + 3;
    /** A packed chunk's count has 4 bits: a chunk of {@value #SHORT_CHUNK} characters has at most that many tokens. */
    private static final int MOST_PACKED_TOKENS = 15;
    /** Set in every packed slot that holds a chunk, so that an empty slot matches no chunk, not even a NUL. */
    private static final long HELD = 1L << 63;
    private static final long CHUNK_BITS = HELD | (1L << TOKENS_SHIFT) - 1;
    private static final long NOT_SHORT = -1;
    private static final VarHandle PACKED = MethodHandles.arrayElementVarHandle(long[].class);

    private final Encoding encoding;
    private final Entry[] slots = new Entry[SLOTS];
    private final long[] packed = new long[SLOTS];

    ChunkCountCache(Encoding encoding) {
        this.encoding = encoding;
    }

    /** The remembered token count of the chunk {@code text[start, end)}, or {@link #ABSENT}. */
    int cached(String text, int start, int end) {
        int length = end - start;
        long chunk = shortChunk(text, start, end);
        if (chunk != NOT_SHORT) {
            int first = packedSlot(chunk);
            long held = (long) PACKED.getOpaque(packed, first);
            if ((held & CHUNK_BITS) != chunk) {
                held = (long) PACKED.getOpaque(packed, first + 1);
                if ((held & CHUNK_BITS) != chunk) {
                    return ABSENT;
                }
            }
            return (int) (held >>> TOKENS_SHIFT) & MOST_PACKED_TOKENS;
        }
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
        long packedChunk = shortChunk(text, start, end);
        if (packedChunk != NOT_SHORT) {
            if (tokens <= MOST_PACKED_TOKENS) {
                int first = packedSlot(packedChunk);
                PACKED.setOpaque(packed, first + 1, (long) PACKED.getOpaque(packed, first));
                PACKED.setOpaque(packed, first, packedChunk | (long) tokens << TOKENS_SHIFT);
            }
        } else if (chunk.length() <= LONGEST_CACHED) {
            int first = firstSlot(text, start, end);
            slots[first + 1] = slots[first];
            slots[first] = new Entry(chunk, tokens);
        }
        return tokens;
    }

    /**
     * The chunk {@code text[start, end)} packed in a long with {@link #HELD} set and no count (its characters, 7 bits
     * each, and its length less one), or {@link #NOT_SHORT} when it is longer than {@value #SHORT_CHUNK} characters or
     * not all ASCII.
     */
    static long shortChunk(String text, int start, int end) {
        int length = end - start;
        if (length > SHORT_CHUNK) {
            return NOT_SHORT;
        }
        long chunk = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c > 0x7F) {
                return NOT_SHORT;
            }
            chunk = chunk << 7 | c;
        }
        return HELD | (long) (length - 1) << LENGTH_SHIFT | chunk;
    }

    /** The first of the packed chunk's pair of slots in {@link #packed}; the second follows it. */
    static int packedSlot(long chunk) {
        return (int) ((chunk * 0x9E3779B97F4A7C15L) >>> (Long.SIZE - Integer.numberOfTrailingZeros(SLOTS / 2))) << 1;
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
