package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words of an alphabet that an encoding's vocabulary holds as one token, and how many such pieces a word of that
 * alphabet falls into: {@link Alphabet#SCRIPTS}, the alphabetic scripts other than Latin (Cyrillic, Greek, Arabic,
 * Hebrew, the Indic scripts from Devanagari to Malayalam), or {@link Alphabet#LATIN}, Latin letters up to Latin
 * Extended-B, looked up only for texts whose hints name another language than English. The tokenizers'
 * pre-tokenizer hands a word to the byte-pair merges with the space before it ({@code " слово"}), and what it costs
 * depends on which words, stems and endings the vocabulary learnt whole, which its length only hints at:
 * {@code o200k_base} holds most common Russian words whole and cuts Ukrainian and Bulgarian ones into stems and
 * endings. {@link TokenEstimator} reads a word from left to right, taking at each letter the longest word of the
 * vocabulary that starts there (the first with the space before it, if there is one; the others without), or the
 * letter alone, and prices the pieces.
 *
 * <p>Each word is held in one or both of two forms: with a leading space (as the vocabulary has the start of a word
 * after a space) and without (as it has the rest of a word). The words are data,
 * {@code script-vocabulary-<encoding>.txt} and {@code latin-vocabulary-<encoding>.txt} beside this class, one a
 * line, written by the fitting in core's tests from the exact tokenizer's vocabulary. They are kept as a trie in an
 * open-addressing table of ints, at most two thirds full: each start of a word (its first letter, its first two,
 * ...) is a slot keyed by its last letter and the slot of the start one letter shorter, and says in which forms it
 * is a word and whether it starts one. Reading a word on by one letter is one look-up of one key, whatever the
 * length so far, and the reading stops at the first letters that start no word. A letter is held as its offset in
 * its alphabet's block (from U+0370, Greek, to U+136E, past Malayalam; or from U+0041 to U+024F), so that a slot is
 * an int; words with other letters are not held. Unlike {@link CjkVocabulary}, whose words of up to four letters
 * are keys of their own, words here have up to 16 letters (the scripts of {@code o200k_base}) or 26 (Latin).
 * Immutable and thread-safe.
 */
final class ScriptVocabulary {

    /** The form of a word with the space before it: the start of a word that follows a space. */
    static final int SPACED = 1;
    /** The form of a word without a space: the start of a word after anything else, or the rest of a word. */
    static final int BARE = 2;

    // A slot of the table, an int: the start's last letter (its offset from the character before the alphabet's
    // first, so that no letter is 0: 12 bits for the scripts, 10 for Latin), the slot of the start one letter shorter
    // (the other bits of 29: 17 for the scripts, 19 for Latin's many more words; 0 for a first letter, as slot 0 is
    // never used), which two make the key, and three flags: a word held with a space, a word held without one,
    // starts a word held (the sign bit). 0 is an empty slot, as no key is 0.
    private static final int FORM_SHIFT = 29; // the forms in which the start is a word
    private static final int KEY_MASK = (1 << FORM_SHIFT) - 1;
    private static final int STARTS_A_WORD = Integer.MIN_VALUE;

    /** The letters a vocabulary holds, and where its words are kept. */
    enum Alphabet {
        /** Cyrillic, Greek, Arabic, Hebrew and the Indic scripts: U+0370 to U+136E. */
        SCRIPTS("script-vocabulary-", '\u036F', '\u136E', 12, "\u0441\u043b\u043e\u0432\u043e"),
        /** Latin letters, ASCII to Latin Extended-B: U+0041 to U+024F. */
        LATIN("latin-vocabulary-", '\u0040', '\u024F', 10, "palavra");

        private final String resourcePrefix;
        private final char beforeFirst;
        private final int lastLetter; // the offset of the last letter held
        private final int letterBits;
        private final String example;

        Alphabet(String resourcePrefix, char beforeFirst, char last, int letterBits, String example) {
            this.resourcePrefix = resourcePrefix;
            this.beforeFirst = beforeFirst;
            this.lastLetter = last - beforeFirst;
            this.letterBits = letterBits;
            this.example = example;
        }

        /** Whether every letter of the word is one the table can hold. */
        boolean canHold(String word) {
            return word.chars().allMatch(c -> c > beforeFirst && c - beforeFirst <= lastLetter);
        }

        private String lettersHeld() {
            return String.format(Locale.ROOT, "each between U+%04X and U+%04X", beforeFirst + 1,
                    beforeFirst + lastLetter);
        }

        private int largestTable() {
            return 1 << (FORM_SHIFT - letterBits);
        }
    }

    private final Alphabet alphabet;
    private final int[] slots;
    private final int slotShift; // what takes a mixed key's top bits down to a slot
    private final int size;

    private ScriptVocabulary(Alphabet alphabet, Map<String, Integer> forms) {
        this.alphabet = alphabet;
        int letterBits = alphabet.letterBits;
        // Sorted, the starts of words are the letters each word adds to the one before it.
        String[] words = forms.keySet().toArray(new String[0]);
        Arrays.sort(words);
        int starts = 0;
        for (int k = 0; k < words.length; k++) {
            starts += words[k].length() - (k == 0 ? 0 : commonStart(words[k - 1], words[k]));
        }
        int capacity = Integer.highestOneBit(Math.max(16, starts * 3 / 2 - 1)) << 1;
        if (capacity > alphabet.largestTable()) {
            throw new IllegalArgumentException(words.length + " words: more starts of words (" + starts
                    + ") than a table of " + alphabet.largestTable() + " slots holds");
        }
        slots = new int[capacity];
        slotShift = Integer.SIZE - Integer.numberOfTrailingZeros(capacity);
        for (String word : words) {
            int form = forms.get(word);
            int parent = 0;
            for (int k = 0; k < word.length(); k++) {
                int key = parent << letterBits | (word.charAt(k) - alphabet.beforeFirst);
                int slot = firstSlot(key);
                while (slots[slot] != 0 && (slots[slot] & KEY_MASK) != key) {
                    slot = nextSlot(slot);
                }
                slots[slot] |= key | STARTS_A_WORD | (k == word.length() - 1 ? form << FORM_SHIFT : 0);
                parent = slot;
            }
        }
        size = words.length;
    }

    /**
     * A vocabulary of the scripts' words, each of two letters or more, with its forms ({@link #SPACED},
     * {@link #BARE} or both).
     */
    static ScriptVocabulary of(Map<String, Integer> forms) {
        return of(Alphabet.SCRIPTS, forms);
    }

    /** A vocabulary of these words of the alphabet, each of two letters or more, with its forms. */
    static ScriptVocabulary of(Alphabet alphabet, Map<String, Integer> forms) {
        forms.forEach((word, form) -> {
            if (word.length() < 2 || !alphabet.canHold(word)) {
                throw new IllegalArgumentException("word \"" + word + "\" is not accepted; accepted: 2 letters or"
                        + " more, " + alphabet.lettersHeld());
            }
            if (form < SPACED || form > (SPACED | BARE)) {
                throw new IllegalArgumentException("word \"" + word + "\": forms " + form + "; accepted: "
                        + SPACED + " (with a leading space), " + BARE + " (without), " + (SPACED | BARE) + " (both)");
            }
        });
        return new ScriptVocabulary(alphabet, forms);
    }

    /** The name of the resource, beside this class, that holds an encoding's words of the scripts. */
    static String resourceName(String encodingName) {
        return resourceName(Alphabet.SCRIPTS, encodingName);
    }

    /** The name of the resource, beside this class, that holds an encoding's words of an alphabet. */
    static String resourceName(Alphabet alphabet, String encodingName) {
        return alphabet.resourcePrefix + encodingName + ".txt";
    }

    /**
     * Reads an encoding's words of the scripts from its resource.
     *
     * @throws IllegalStateException if the resource is missing or a line is not a word with its forms
     */
    static ScriptVocabulary load(String encodingName) {
        return load(Alphabet.SCRIPTS, encodingName);
    }

    /**
     * Reads an encoding's words of an alphabet from its resource.
     *
     * @throws IllegalStateException if the resource is missing or a line is not a word with its forms
     */
    static ScriptVocabulary load(Alphabet alphabet, String encodingName) {
        String resource = resourceName(alphabet, encodingName);
        return EstimatorResources.read(resource, "vocabulary", text -> parse(alphabet, resource, text));
    }

    /**
     * The words in {@code lines}, which come from {@code source} (named in errors): each line is the forms a word is
     * held in, {@code s} (with a leading space), {@code b} (bare, without one) or {@code sb} (both), a space and the
     * word; lines starting with # are comments.
     */
    static ScriptVocabulary parse(String source, BufferedReader lines) throws IOException {
        return parse(Alphabet.SCRIPTS, source, lines);
    }

    /** The words of the alphabet in {@code lines}, in the format {@link #parse(String, BufferedReader)} reads. */
    static ScriptVocabulary parse(Alphabet alphabet, String source, BufferedReader lines) throws IOException {
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
            if (form == 0 || word.length() < 2 || !alphabet.canHold(word) || forms.put(word, form) != null) {
                throw new IllegalStateException(source + ": line " + number + " \"" + line + "\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 letters or more, " + alphabet.lettersHeld() + ", not given before, such as"
                        + " \"sb " + alphabet.example + "\"");
            }
        }
        return new ScriptVocabulary(alphabet, forms);
    }

    /**
     * The form a word that begins at {@code start} is read in first: {@link #SPACED} after a space, which the
     * pre-tokenizer hands to the merges with the word, else {@link #BARE}.
     */
    static int formAt(String text, int start) {
        return start > 0 && text.charAt(start - 1) == ' ' ? SPACED : BARE;
    }

    /**
     * The pieces the letters from {@code start} to {@code end} fall into, each the longest word of the vocabulary
     * that starts where the one before ended, or a letter alone: the first in the form {@code firstForm}
     * ({@link #SPACED} for a word after a space), the others {@link #BARE}.
     */
    int pieces(String text, int start, int end, int firstForm) {
        int[] table = slots;
        char beforeFirst = alphabet.beforeFirst;
        int lastLetter = alphabet.lastLetter;
        int letterBits = alphabet.letterBits;
        int pieces = 0;
        int form = firstForm;
        int i = start;
        while (i < end) {
            int longest = 1;
            int parent = 0;
            for (int k = i; k < end; k++) {
                int letter = text.charAt(k) - beforeFirst;
                if (letter <= 0 || letter > lastLetter) {
                    break; // a letter no word held has
                }
                int key = parent << letterBits | letter;
                int slot = firstSlot(key);
                int entry;
                while ((entry = table[slot]) != 0 && (entry & KEY_MASK) != key) {
                    slot = nextSlot(slot);
                }
                if (entry >= 0) {
                    break; // no word starts with these letters (or not even these letters are held): none longer
                }
                if ((entry >>> FORM_SHIFT & form) != 0) {
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
        for (int entry : slots) {
            int form = entry >>> FORM_SHIFT & (SPACED | BARE);
            if (form != 0) {
                StringBuilder word = new StringBuilder();
                for (int start = entry; ; start = slots[parent(start)]) {
                    word.append((char) ((start & (1 << alphabet.letterBits) - 1) + alphabet.beforeFirst));
                    if (parent(start) == 0) {
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
        return (long) slots.length * Integer.BYTES;
    }

    /** Whether every letter of the word is one the table of the scripts can hold: U+0370 to U+136E. */
    static boolean canHold(String word) {
        return Alphabet.SCRIPTS.canHold(word);
    }

    private int parent(int entry) {
        return entry >>> alphabet.letterBits & (alphabet.largestTable() - 1);
    }

    /** Where the probe for a key starts: never slot 0, which stands for no start before a first letter. */
    private int firstSlot(int key) {
        return Math.max(1, key * 0x9E3779B9 >>> slotShift);
    }

    private int nextSlot(int slot) {
        return slot == slots.length - 1 ? 1 : slot + 1;
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
