package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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
    // A word's hash: FNV-1a over its UTF-16 letters, worked out a letter at a time as a word is read.
    private static final int HASH_START = 0x811C9DC5;
    private static final int HASH_STEP = 0x01000193;

    private final char[] pool;
    private final int[] slots;
    private final int slotShift; // what takes a mixed hash's top bits down to a slot
    private final int size;

    private ScriptVocabulary(Map<String, Integer> forms) {
        String[] words = forms.keySet().toArray(new String[0]);
        Arrays.sort(words);
        // Sorted, a word that starts another comes right before the words it starts: going backwards, each can
        // share the letters of the one after it. And the starts of words are the letters each word adds to
        // the one before it in that order.
        int[] offsets = new int[words.length];
        StringBuilder letters = new StringBuilder();
        int starts = 0;
        for (int k = words.length - 1; k >= 0; k--) {
            String word = words[k];
            if (k + 1 < words.length && words[k + 1].startsWith(word)) {
                offsets[k] = offsets[k + 1];
            } else {
                offsets[k] = letters.length();
                letters.append(word);
            }
            starts += word.length() - (k == 0 ? 0 : commonStart(words[k - 1], word));
        }
        if (letters.length() > LONGEST_POOL) {
            throw new IllegalArgumentException(words.length + " words: more letters than " + LONGEST_POOL);
        }
        String pooled = letters.toString();
        pool = pooled.toCharArray();
        int capacity = Integer.highestOneBit(Math.max(16, starts * 3 / 2 - 1)) << 1;
        slots = new int[capacity];
        slotShift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        // Each start of a word gets the flags of the words it begins, a word its forms too.
        for (int k = 0; k < words.length; k++) {
            int form = forms.get(words[k]);
            int hash = HASH_START;
            for (int end = offsets[k] + 1; end <= offsets[k] + words[k].length(); end++) {
                hash = (hash ^ pooled.charAt(end - 1)) * HASH_STEP;
                int flags = form << BEGINS_SHIFT | (end - offsets[k] == words[k].length() ? form : 0);
                int slot = slot(hash);
                while (slots[slot] != 0 && !isEntryOf(slots[slot], pooled, offsets[k], end)) {
                    slot = (slot + 1) & (capacity - 1);
                }
                slots[slot] |= slots[slot] != 0 ? flags
                        : offsets[k] << OFFSET_SHIFT | (end - offsets[k]) << FLAG_BITS | flags;
            }
        }
        size = words.length;
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
        Map<String, Integer> forms = new HashMap<>();
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
        int slot = slot(hash);
        int entry;
        while ((entry = table[slot]) != 0) {
            if (isEntryOf(entry, text, start, end)) {
                return entry;
            }
            slot = (slot + 1) & (table.length - 1);
        }
        return 0;
    }

    /** Whether {@code entry} is of the letters from {@code start} to {@code end}. */
    private boolean isEntryOf(int entry, String text, int start, int end) {
        if ((entry >>> FLAG_BITS & ((1 << LENGTH_BITS) - 1)) != end - start) {
            return false;
        }
        char[] letters = pool;
        int offset = entry >>> OFFSET_SHIFT;
        for (int k = start; k < end; k++) {
            if (letters[offset++] != text.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The number of letters two words start with alike. */
    private static int commonStart(String a, String b) {
        int common = 0;
        int limit = Math.min(a.length(), b.length());
        while (common < limit && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common;
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
