package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words of alphabetic scripts other than Latin (Cyrillic, Greek, Arabic, Hebrew) that an encoding's vocabulary
 * holds as one token, and how many such pieces a word of those scripts falls into. The tokenizers' pre-tokenizer
 * hands a word to the byte-pair merges with the space before it ({@code " слово"}), and what it costs depends on
 * which words, stems and endings the vocabulary learnt whole, which its length only hints at: {@code o200k_base}
 * holds most common Russian words whole and cuts Ukrainian and Bulgarian ones into stems and endings.
 * {@link TokenEstimator} reads a word from left to right, taking at each letter the longest word of the vocabulary
 * that starts there (the first with the space before it, if there is one; the others without), or the letter alone,
 * and prices the pieces.
 *
 * <p>Each word is held in one or both of two forms: with a leading space (as the vocabulary has the start of a word
 * after a space) and without (as it has the rest of a word). The words are data,
 * {@code script-vocabulary-<encoding>.txt} beside this class, one a line, written by the fitting in core's tests from
 * the exact tokenizer's vocabulary. Their letters are kept once in a pool of chars, whatever their forms; a word
 * that is the start of another shares the other's letters. An open-addressing table of ints, at most two thirds full,
 * holds each word and each start of a word: where its letters are in the pool, its length, its forms, and in which
 * forms it begins a word held. A word's hash is worked out a letter at a time, so that reading on to the next,
 * longer candidate costs one more step of the hash, and the reading stops at the first letters that begin no word.
 * Unlike {@link CjkVocabulary}, whose words of up to four letters are keys of their own, words here have up to
 * {@value #LONGEST} letters. Immutable and thread-safe.
 */
final class ScriptVocabulary {

    /** The longest word held, in letters: longer ones (a few in {@code o200k_base}) are left out. */
    static final int LONGEST = 31;

    /** The form of a word with the space before it: the start of a word that follows a space. */
    static final int SPACED = 1;
    /** The form of a word without a space: the start of a word after anything else, or the rest of a word. */
    static final int BARE = 2;

    // An entry of the table: where the letters start in the pool, the length, and four flags: held with a space,
    // held without one, begins a word held with a space, begins a word held without one. 0 is an empty slot, as
    // every entry has a length.
    private static final int FLAG_BITS = 4;
    private static final int LENGTH_BITS = 5;
    private static final int OFFSET_SHIFT = FLAG_BITS + LENGTH_BITS;
    private static final int LONGEST_POOL = 1 << (Integer.SIZE - 1 - OFFSET_SHIFT);
    private static final int BEGINS_SHIFT = 2; // a form's flag shifted by it: begins a word of that form
    private static final int HASH_START = 0x811C9DC5;
    private static final int HASH_STEP = 0x01000193;

    private final char[] pool;
    private final int[] slots;
    private final int slotShift; // what takes a mixed hash's top bits down to a slot
    private final int size;

    private ScriptVocabulary(Map<String, Integer> forms) {
        // Every start of a word with the forms of the words it begins, beside the forms of the word it is.
        TreeMap<String, Integer> entries = new TreeMap<>();
        forms.forEach((word, form) -> {
            entries.merge(word, form, (a, b) -> a | b);
            for (int length = 1; length <= word.length(); length++) {
                entries.merge(word.substring(0, length), form << BEGINS_SHIFT, (a, b) -> a | b);
            }
        });
        int capacity = Integer.highestOneBit(Math.max(16, entries.size() * 3 / 2 - 1)) << 1;
        slots = new int[capacity];
        slotShift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        // In code point order, a string that starts another comes right before the strings it starts: going
        // backwards, each can share the letters of the one after it.
        StringBuilder letters = new StringBuilder();
        String after = "";
        int afterOffset = 0;
        for (Map.Entry<String, Integer> entry : entries.descendingMap().entrySet()) {
            String word = entry.getKey();
            int offset;
            if (after.startsWith(word)) {
                offset = afterOffset;
            } else {
                offset = letters.length();
                letters.append(word);
                after = word;
                afterOffset = offset;
            }
            if (offset + word.length() > LONGEST_POOL) {
                throw new IllegalArgumentException(forms.size() + " words: more letters than " + LONGEST_POOL);
            }
            int slot = slot(hash(word, 0, word.length()));
            while (slots[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            slots[slot] = offset << OFFSET_SHIFT | word.length() << FLAG_BITS | entry.getValue();
        }
        pool = letters.toString().toCharArray();
        size = forms.size();
    }

    /**
     * A vocabulary of these words, each with its forms ({@link #SPACED}, {@link #BARE} or both), of 2 to
     * {@value #LONGEST} letters.
     */
    static ScriptVocabulary of(Map<String, Integer> forms) {
        forms.forEach((word, form) -> {
            if (word.length() < 2 || word.length() > LONGEST) {
                throw new IllegalArgumentException("word \"" + word + "\": " + word.length()
                        + " letters; accepted: 2 to " + LONGEST);
            }
            if (form < SPACED || form > (SPACED | BARE)) {
                throw new IllegalArgumentException("word \"" + word + "\": forms " + form + "; accepted: "
                        + SPACED + " (with a leading space), " + BARE + " (without), " + (SPACED | BARE) + " (both)");
            }
        });
        return new ScriptVocabulary(forms);
    }

    /** The name of the resource, beside this class, that holds an encoding's words. */
    static String resourceName(String encodingName) {
        return "script-vocabulary-" + encodingName + ".txt";
    }

    /**
     * Reads an encoding's words from its resource.
     *
     * @throws IllegalStateException if the resource is missing or a line is not a word with its forms
     */
    static ScriptVocabulary load(String encodingName) {
        String resource = resourceName(encodingName);
        return EstimatorResources.read(resource, "script vocabulary", text -> parse(resource, text));
    }

    /**
     * The words in {@code lines}, which come from {@code source} (named in errors): each line is the forms a word is
     * held in, {@code s} (with a leading space), {@code b} (bare, without one) or {@code sb} (both), a space and the
     * word; lines starting with # are comments.
     */
    static ScriptVocabulary parse(String source, BufferedReader lines) throws IOException {
        Map<String, Integer> forms = new TreeMap<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.indexOf(' ');
            int form = space < 0 ? 0 : form(line.substring(0, space));
            String word = space < 0 ? "" : line.substring(space + 1);
            if (form == 0 || word.length() < 2 || word.length() > LONGEST || word.indexOf(' ') >= 0
                    || forms.put(word, form) != null) {
                throw new IllegalStateException(source + ": line " + number + " \"" + line + "\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 to " + LONGEST + " letters not given before, such as \"sb \u0441\u043b\u043e\u0432\u043e\"");
            }
        }
        return new ScriptVocabulary(forms);
    }

    /**
     * The pieces the letters from {@code start} to {@code end} fall into, each the longest word of the vocabulary
     * that starts where the one before ended, or a letter alone: the first in the form {@code firstForm}
     * ({@link #SPACED} for a word after a space), the others {@link #BARE}.
     */
    int pieces(String text, int start, int end, int firstForm) {
        int pieces = 0;
        int form = firstForm;
        int i = start;
        while (i < end) {
            int longest = 1;
            int hash = HASH_START;
            int limit = Math.min(end, i + LONGEST);
            for (int k = i; k < limit; k++) {
                hash = (hash ^ text.charAt(k)) * HASH_STEP;
                int entry = entry(hash, text, i, k + 1);
                if ((entry & form << BEGINS_SHIFT) == 0) {
                    break; // no word of this form starts with these letters: none longer either
                }
                if ((entry & form) != 0) {
                    longest = k + 1 - i;
                }
            }
            i += longest;
            pieces++;
            form = BARE;
        }
        return pieces;
    }

    /** The number of words held. */
    int size() {
        return size;
    }

    /** The words in the format {@link #load} reads, in code point order, with a comment line first. */
    String format(String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        words().forEach((word, form) -> text.append(formName(form)).append(' ').append(word).append('\n'));
        return text.toString();
    }

    /** The words held and their forms, in code point order. */
    Map<String, Integer> words() {
        TreeMap<String, Integer> words = new TreeMap<>();
        for (int entry : slots) {
            int form = entry & (SPACED | BARE);
            if (form != 0) {
                int offset = entry >>> OFFSET_SHIFT;
                words.put(new String(pool, offset, entry >>> FLAG_BITS & ((1 << LENGTH_BITS) - 1)), form);
            }
        }
        return Collections.unmodifiableMap(words);
    }

    /** The bytes of the pool's chars and of the table's ints, for the footprint the fitting reports. */
    long arrayBytes() {
        return (long) pool.length * Character.BYTES + (long) slots.length * Integer.BYTES;
    }

    /** The entry of the letters from {@code start} to {@code end}, whose hash is {@code hash}, or 0. */
    private int entry(int hash, String text, int start, int end) {
        int[] table = slots;
        int length = end - start;
        int slot = slot(hash);
        int entry;
        while ((entry = table[slot]) != 0) {
            if ((entry >>> FLAG_BITS & ((1 << LENGTH_BITS) - 1)) == length && sameLetters(entry >>> OFFSET_SHIFT,
                    text, start, length)) {
                return entry;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        return 0;
    }

    private boolean sameLetters(int offset, String text, int start, int length) {
        char[] letters = pool;
        for (int k = 0; k < length; k++) {
            if (letters[offset + k] != text.charAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    /** The hash {@link #pieces} works out a letter at a time: FNV-1a over the UTF-16 letters. */
    private static int hash(String word, int start, int end) {
        int hash = HASH_START;
        for (int k = start; k < end; k++) {
            hash = (hash ^ word.charAt(k)) * HASH_STEP;
        }
        return hash;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9) >>> slotShift;
    }

    private static int form(String name) {
        return switch (name) {
            case "s" -> SPACED;
            case "b" -> BARE;
            case "sb" -> SPACED | BARE;
            default -> 0;
        };
    }

    private static String formName(int form) {
        return form == SPACED ? "s" : form == BARE ? "b" : "sb";
    }
}
