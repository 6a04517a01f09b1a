package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * the exact tokenizer's vocabulary. They are kept as a trie in an open-addressing table of longs, at most two thirds
 * full: each start of a word (its first letter, its first two, ...) is a slot keyed by its last letter and the slot
 * of the start one letter shorter, and says in which forms it is a word and in which it starts one. Reading a word
 * on by one letter is one look-up of one key, whatever the length so far, and the reading stops at the first letters
 * that start no word of the form. Unlike {@link CjkVocabulary}, whose words of up to four letters are keys of their
 * own, words here have up to 16 letters ({@code o200k_base}). Immutable and thread-safe.
 */
final class ScriptVocabulary {

    /** The form of a word with the space before it: the start of a word that follows a space. */
    static final int SPACED = 1;
    /** The form of a word without a space: the start of a word after anything else, or the rest of a word. */
    static final int BARE = 2;

    // A slot of the table: the start's last letter (16 bits), the slot of the start one letter shorter plus 1 (0 for
    // a first letter; 24 bits), which two make the key, and four flags: a word held with a space, a word held
    // without one, starts a word held with a space, starts a word held without one. 0 is an empty slot, as no key
    // is 0.
    private static final int PARENT_SHIFT = Character.SIZE;
    private static final int FLAG_SHIFT = PARENT_SHIFT + 24;
    private static final long KEY_MASK = (1L << FLAG_SHIFT) - 1;
    private static final int LARGEST_TABLE = 1 << 23;
    private static final int STARTS_SHIFT = 2; // a form's flag shifted by it: starts a word of that form

    private final long[] slots;
    private final int slotShift; // what takes a mixed key's top bits down to a slot
    private final int size;

    private ScriptVocabulary(Map<String, Integer> forms) {
        // Sorted, the starts of words are the letters each word adds to the one before it.
        String[] words = forms.keySet().toArray(new String[0]);
        Arrays.sort(words);
        int starts = 0;
        for (int k = 0; k < words.length; k++) {
            starts += words[k].length() - (k == 0 ? 0 : commonStart(words[k - 1], words[k]));
        }
        int capacity = Integer.highestOneBit(Math.max(16, starts * 3 / 2 - 1)) << 1;
        if (capacity > LARGEST_TABLE) {
            throw new IllegalArgumentException(words.length + " words: more starts of words than a table of "
                    + LARGEST_TABLE + " slots holds");
        }
        slots = new long[capacity];
        slotShift = Long.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (String word : words) {
            int form = forms.get(word);
            int parent = -1;
            for (int k = 0; k < word.length(); k++) {
                long key = key(parent, word.charAt(k));
                int slot = slot(key);
                while (slots[slot] != 0 && (slots[slot] & KEY_MASK) != key) {
                    slot = (slot + 1) & (capacity - 1);
                }
                int flags = form << STARTS_SHIFT | (k == word.length() - 1 ? form : 0);
                slots[slot] |= key | (long) flags << FLAG_SHIFT;
                parent = slot;
            }
        }
        size = words.length;
    }

    /**
     * A vocabulary of these words, each of two letters or more, with its forms ({@link #SPACED}, {@link #BARE} or
     * both).
     */
    static ScriptVocabulary of(Map<String, Integer> forms) {
        forms.forEach((word, form) -> {
            if (word.length() < 2) {
                throw new IllegalArgumentException("word \"" + word + "\": " + word.length()
                        + " letters; accepted: 2 or more");
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
        Map<String, Integer> forms = new LinkedHashMap<>(); // in the file's order, sorted: sorting again is cheap
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
            if (form == 0 || word.length() < 2 || word.indexOf(' ') >= 0 || forms.put(word, form) != null) {
                throw new IllegalStateException(source + ": line " + number + " \"" + line + "\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 letters or more not given before, such as \"sb \u0441\u043b\u043e\u0432\u043e\"");
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
        long[] table = slots;
        int pieces = 0;
        int form = firstForm;
        int i = start;
        while (i < end) {
            int longest = 1;
            int parent = -1;
            for (int k = i; k < end; k++) {
                long key = key(parent, text.charAt(k));
                int slot = slot(key);
                long entry;
                while ((entry = table[slot]) != 0 && (entry & KEY_MASK) != key) {
                    slot = (slot + 1) & (table.length - 1);
                }
                int flags = (int) (entry >>> FLAG_SHIFT);
                if ((flags & form << STARTS_SHIFT) == 0) {
                    break; // no word of this form starts with these letters: none longer either
                }
                if ((flags & form) != 0) {
                    longest = k + 1 - i;
                }
                parent = slot;
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
        for (long entry : slots) {
            int form = (int) (entry >>> FLAG_SHIFT) & (SPACED | BARE);
            if (form != 0) {
                StringBuilder word = new StringBuilder();
                for (long start = entry; ; start = slots[(int) (start >>> PARENT_SHIFT & 0xFFFFFF) - 1]) {
                    word.append((char) start);
                    if ((start >>> PARENT_SHIFT & 0xFFFFFF) == 0) {
                        break;
                    }
                }
                words.put(word.reverse().toString(), form);
            }
        }
        return Collections.unmodifiableMap(words);
    }

    /** The bytes of the table, for the footprint the fitting reports. */
    long tableBytes() {
        return (long) slots.length * Long.BYTES;
    }

    /** The key of a start of a word: its last letter after the start in {@code parent} (-1 for none). */
    private static long key(int parent, char letter) {
        return (long) (parent + 1) << PARENT_SHIFT | letter;
    }

    private int slot(long key) {
        return (int) (key * 0x9E3779B97F4A7C15L >>> slotShift);
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
