package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The words of two to four Han, kana or Hangul letters that an encoding's vocabulary holds as one token, and how
 * many such pieces a run of those letters falls into. Chinese and Japanese write no spaces, so the tokenizers'
 * pre-tokenizer hands a whole clause to the byte-pair merges, and what it costs depends on which pairs, triples and
 * quadruples of letters the vocabulary learnt whole: a run's length alone tells little ({@code o200k_base} holds
 * 2,408 words of two Han letters, 388 of three and 321 of four). {@link TokenEstimator} reads a run from left to
 * right, taking at each letter the longest word of the vocabulary that starts there (a letter alone if none does),
 * and prices the pieces.
 *
 * <p>The words are data, {@code cjk-vocabulary-<encoding>.txt} beside this class, one a line, written by the fitting
 * in core's tests from the exact tokenizer's vocabulary. Each word is kept in an open-addressing table of longs (its
 * up to four UTF-16 letters, 16 bits each), less than a third full. Immutable and thread-safe.
 */
final class CjkVocabulary {

    /** The longest word held, in letters. */
    static final int LONGEST = 4;

    private final long[] slots;
    private final int slotShift; // what takes a mixed key's top bits down to a slot
    private final int size;

    private CjkVocabulary(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 3 - 1)) << 1;
        slots = new long[capacity];
        slotShift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        int added = 0;
        for (String word : words) {
            long key = key(word, 0, word.length());
            int slot = slot(key);
            while (slots[slot] != 0 && slots[slot] != key) {
                slot = (slot + 1) & (slots.length - 1);
            }
            if (slots[slot] == 0) {
                slots[slot] = key;
                added++;
            }
        }
        size = added;
    }

    /** A vocabulary of these words, each of two to {@value #LONGEST} letters. */
    static CjkVocabulary of(Collection<String> words) {
        for (String word : words) {
            if (word.length() < 2 || word.length() > LONGEST) {
                throw new IllegalArgumentException("word \"" + word + "\": " + word.length()
                        + " letters; accepted: 2 to " + LONGEST);
            }
        }
        return new CjkVocabulary(words);
    }

    /** The name of the resource, beside this class, that holds an encoding's words. */
    static String resourceName(String encodingName) {
        return "cjk-vocabulary-" + encodingName + ".txt";
    }

    /**
     * Reads an encoding's words from its resource.
     *
     * @throws IllegalStateException if the resource is missing or a line is not a word of 2 to 4 letters
     */
    static CjkVocabulary load(String encodingName) {
        String resource = resourceName(encodingName);
        return EstimatorResources.read(resource, "CJK vocabulary", text -> parse(resource, text));
    }

    /** The words in {@code lines}, which come from {@code source} (named in errors); lines starting with # are comments. */
    static CjkVocabulary parse(String source, BufferedReader lines) throws IOException {
        List<String> words = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String word = line.strip();
            if (word.isEmpty() || word.startsWith("#")) {
                continue;
            }
            if (word.length() < 2 || word.length() > LONGEST) {
                throw new IllegalStateException(source + ": line " + number + " \"" + line + "\" is not valid;"
                        + " accepted: a word of 2 to " + LONGEST + " letters, such as \u6570\u636e");
            }
            words.add(word);
        }
        return new CjkVocabulary(words);
    }

    /**
     * The pieces the letters from {@code start} to {@code end} fall into, each the longest word of the vocabulary
     * that starts where the one before ended, or a letter alone.
     */
    int pieces(String text, int start, int end) {
        int pieces = 0;
        int i = start;
        while (i < end) {
            int length = Math.min(LONGEST, end - i);
            long key = key(text, i, i + length);
            while (length >= 2 && !contains(key)) {
                length--;
                key >>>= Character.SIZE; // the same letters but the last
            }
            i += Math.max(1, length);
            pieces++;
        }
        return pieces;
    }

    /** The number of words held. */
    int size() {
        return size;
    }

    /** The words in the format {@link #load} reads, in code point order, with a comment line first. */
    String format(String comment) {
        TreeSet<String> words = new TreeSet<>();
        for (long key : slots) {
            if (key != 0) {
                StringBuilder word = new StringBuilder();
                for (int shift = 48; shift >= 0; shift -= 16) {
                    char c = (char) (key >>> shift);
                    if (c != 0) {
                        word.append(c);
                    }
                }
                words.add(word.toString());
            }
        }
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        words.forEach(word -> text.append(word).append('\n'));
        return text.toString();
    }

    private boolean contains(long key) {
        long[] table = slots;
        int slot = slot(key);
        long probed;
        while ((probed = table[slot]) != 0) {
            if (probed == key) {
                return true;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        return false;
    }

    /** The letters from {@code start} to {@code end}, at most four, 16 bits each: never 0, as no letter is. */
    private static long key(String text, int start, int end) {
        long key = 0;
        for (int k = start; k < end; k++) {
            key = key << Character.SIZE | text.charAt(k);
        }
        return key;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> slotShift);
    }
}
