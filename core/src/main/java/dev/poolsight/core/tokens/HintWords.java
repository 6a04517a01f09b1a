package dev.poolsight.core.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Frequent short words that tell English from other languages in Latin script, looked up by a key of the
 * lower-cased word without allocating. Each language of {@link #LANGUAGE_WORDS} has its own curve of prices
 * ({@link EstimatorPrices#languages}), fitted per encoding: the vocabularies split the words of each language into
 * a number of tokens of its own ({@code o200k_base}: German and Dutch about 0.25 tokens a letter, Italian 0.29,
 * Swedish and Polish 0.33, English 0.23). A word found in the table is told as English, as one language, or as no
 * hint ({@link #find}); accented letters are hints too, of no language but of the block they come from
 * ({@link #FOREIGN_LETTER}, {@link #DISTANT_LETTER}), for texts without listed function words (a weather report
 * in Polish). {@link TokenEstimator} tallies the counts of a text's hints in one long, 16 bits for English, for
 * each block of letters and for the listed languages together ({@link #english}, {@link #foreign},
 * {@link #distant}, {@link #languages}).
 */
final class HintWords {

    /**
     * A word's key is its lower-cased letters shifted in {@value #KEY_SHIFT} bits at a time ({@link #key}), which
     * {@link TokenEstimator} folds inline while it finds the end of an ASCII word: a shift and an exclusive or a
     * letter, where a hash would cost a multiplication a letter. Words of lower-case ASCII letters of up to 12 letters
     * have keys of their own (the bits above a letter's low five are the same for every such letter); the table mixes
     * a key once per word ({@link #mixed}), and a hint word is told by 38 bits of the mixed key: the slot's 10 and the
     * fingerprint's 28.
     */
    static final long KEY_START = 0;
    static final int KEY_SHIFT = 5;
    // The golden ratio in 64 bits, odd: multiplying by it maps distinct keys to distinct values and spreads every key
    // bit into the high bits, which give the slot and the fingerprint.
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /**
     * The function words of each language, English first. No word is in two lists, and words common in code
     * ({@code el}, {@code del}, {@code os}, {@code com}, {@code mit}) are left out.
     */
    private static final String ENGLISH_WORDS = "the and of that this with you your are have for from which would"
            + " should about what how there they their them when then than been has had were not but if or at by can all"
            + " more one its our out up just like some any into also because only other these those use need here where"
            + " why yes please thanks thank hi hello could does did don doesn isn it be want know get make see well very"
            + " much many most each every after before over such same between through while";
    /**
     * The function words of the other languages, by language code. Each language is priced on a curve of its own
     * ({@link EstimatorPrices#languages}), in this order.
     */
    static final Map<String, String> LANGUAGE_WORDS = languageWords(
            "de", "der die das und ist nicht ein eine einen ich sie auf f\u00fcr den dem zu von wird sind werden bitte"
                    + " danke wie auch im",
            "fr", "le la les et est une des de pour que qui dans pas vous nous je ce sur avec merci bonjour sont",
            "es", "los las es en por para una lo se muy gracias hola pero como m\u00e1s est\u00e1",
            "pt", "\u00e9 dos um uma n\u00e3o obrigado ol\u00e1 mais voc\u00ea em ao pelo pela seu tamb\u00e9m isso"
                    + " muito ent\u00e3o j\u00e1 foi tem",
            "nl", "het een van dat niet voor zijn bedankt ook op maar naar wordt uw wij hebben heeft deze bij nog"
                    + " geen kunt mijn",
            "vi", "v\u00e0 c\u1ee7a l\u00e0 c\u00f3 kh\u00f4ng \u0111\u01b0\u1ee3c cho m\u1ed9t c\u00e1c"
                    + " nh\u1eefng b\u1ea1n t\u00f4i n\u00e0y v\u1edbi khi \u0111\u00e3 trong th\u00ec",
            "it", "il di che \u00e8 gli della sono grazie ciao anche un",
            "pl", "si\u0119 jest \u017ce jak czy dla oraz dzi\u0119kuj\u0119 nie",
            "tr", "ve bir bu i\u00e7in ile \u00e7ok te\u015fekk\u00fcr merhaba",
            "sv", "och att det \u00e4r som p\u00e5 inte jag tack");

    /** The longest hint word: longer words need no look-up. */
    static final int LONGEST = longestWord(ENGLISH_WORDS + " " + String.join(" ", LANGUAGE_WORDS.values()));

    // The tally's fields: 16 bits each, far more than the hints of the longest text read whole (2,048 characters: at
    // most 1,024 words, each a hint by its spelling and one by its letters).
    private static final int FIELD_BITS = 16;
    private static final int FIELD_MASK = (1 << FIELD_BITS) - 1;
    private static final int ENGLISH_FIELD = 0;
    private static final int FOREIGN_FIELD = 1;
    private static final int DISTANT_FIELD = 2;
    private static final int LANGUAGE_FIELD = 3;

    /** What {@link #find} gives for a word that is no hint. */
    static final int NO_HINT = 0;
    /** What {@link #find} gives for an English function word. */
    static final int ENGLISH = 1;
    /** The number of values {@link #find} can give: no hint, English, each language, up to a power of two. */
    static final int HINT_CLASSES = 16;

    // An open-addressing table of linear probes, a quarter full, so that a word is found most of the time in one
    // probe. A slot is one int: 28 bits of the word's mixed key as its fingerprint and the word's class (ENGLISH,
    // or a language's) in the four bits of SLOT_CLASS, so that an empty slot is 0. Ints rather than the whole key
    // and class in two longs: the table is 4 KB instead of 16, because it is often read cold. Between two appends the
    // counter's worker and Redis push it out of the cache, and every word that is not a hint probes a slot at
    // random: with the cache emptied before each estimate, a 16 KB table made an estimate of 1 KB 4.5 us slower (13 us
    // against 8.6).
    private static final int TABLE_BITS = 10;
    private static final int SLOT_CLASS = HINT_CLASSES - 1;
    private static final int[] SLOTS = table();

    private HintWords() {
    }

    /**
     * What a word with an accented letter of Latin-1 ({@code é ü ñ å}) or Latin Extended Additional (Vietnamese's
     * {@code ạ ế}) adds to the tally: one hint of a language the vocabularies know about as well as German, named
     * by no function word. Texts without function words in the lists (a weather report in Polish) are told by their
     * letters.
     */
    static final long FOREIGN_LETTER = 1L << (FIELD_BITS * FOREIGN_FIELD);
    /**
     * What a word with a letter of Latin Extended-A or -B ({@code ł ę ş ğ ı ř ő}), written by Polish, Turkish, Czech,
     * Hungarian and Romanian rather than by the languages the vocabularies know best, adds to the tally.
     */
    static final long DISTANT_LETTER = 1L << (FIELD_BITS * DISTANT_FIELD);

    /**
     * The class of a Latin word with this key ({@link #key}): {@link #NO_HINT}, {@link #ENGLISH}, or a language's
     * ({@link #languageClass}).
     */
    static int find(long key) {
        long hash = mixed(key);
        int[] table = SLOTS;
        int slot = slot(hash);
        int wanted = fingerprint(hash);
        int probed;
        while ((probed = table[slot]) != 0 && (probed & ~SLOT_CLASS) != wanted) {
            slot = (slot + 1) & (table.length - 1);
        }
        return probed & SLOT_CLASS; // an empty slot gives 0, NO_HINT
    }

    /** The class {@link #find} gives for the function words of the language at {@code index} of {@link #LANGUAGE_WORDS}. */
    static int languageClass(int index) {
        return ENGLISH + 1 + index;
    }

    /** What a hint of a class adds to the tally: 1 in the field of English or in that of the listed languages. */
    static long tally(int hintClass) {
        return hintClass == NO_HINT ? 0 : 1L << (FIELD_BITS * (hintClass == ENGLISH ? ENGLISH_FIELD : LANGUAGE_FIELD));
    }

    /** The English hints in a tally. */
    static int english(long tally) {
        return field(tally, ENGLISH_FIELD);
    }

    /** The words with a letter of Latin-1 or Latin Extended Additional in a tally ({@link #FOREIGN_LETTER}). */
    static int foreign(long tally) {
        return field(tally, FOREIGN_FIELD);
    }

    /** The words with a letter of Latin Extended-A or -B in a tally ({@link #DISTANT_LETTER}). */
    static int distant(long tally) {
        return field(tally, DISTANT_FIELD);
    }

    /** The function words of the listed languages, all together, in a tally. */
    static int languages(long tally) {
        return field(tally, LANGUAGE_FIELD);
    }

    private static int field(long tally, int field) {
        return (int) (tally >>> (FIELD_BITS * field)) & FIELD_MASK;
    }

    /** The key of the lower-cased Latin word from {@code start} to {@code end}. */
    static long key(String text, int start, int end) {
        long key = KEY_START;
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            char lower = c < 0x80 ? CharacterClass.asciiLower(c) : Character.toLowerCase(c);
            // A letter beyond ASCII is spread over the key's bits: shifted in as it is, its high bits would
            // overlap the letters before it (på would be te).
            key = key << KEY_SHIFT ^ (lower < 0x80 ? lower : lower * MIX);
        }
        return key;
    }

    private static long mixed(long key) {
        return key * MIX;
    }

    /** The first slot to probe: the top bits of the mixed key, which spread the hint words at most three slots apart. */
    private static int slot(long hash) {
        return (int) (hash >>> (Long.SIZE - TABLE_BITS));
    }

    /** The 28 bits of the mixed key below the slot's, in the bits of a slot above {@link #SLOT_CLASS}. */
    private static int fingerprint(long hash) {
        return (int) (hash >>> (Long.SIZE - TABLE_BITS - Integer.SIZE)) & ~SLOT_CLASS;
    }

    /** The table of every hint word: English first, so that a word of two lists counts as English. */
    private static int[] table() {
        int[] slots = new int[1 << TABLE_BITS];
        add(slots, ENGLISH_WORDS, ENGLISH);
        int index = 0;
        for (String words : LANGUAGE_WORDS.values()) {
            add(slots, words, languageClass(index++));
        }
        return slots;
    }

    /**
     * Puts the space-separated words in the table as words of {@code hintClass}, unless a word with the same
     * fingerprint is there already.
     */
    private static void add(int[] slots, String words, int hintClass) {
        for (String word : words.split(" ")) {
            long hash = mixed(key(word, 0, word.length()));
            int fingerprint = fingerprint(hash);
            int slot = slot(hash);
            while (slots[slot] != 0 && (slots[slot] & ~SLOT_CLASS) != fingerprint) {
                slot = (slot + 1) & (slots.length - 1);
            }
            if (slots[slot] == 0) {
                slots[slot] = fingerprint | hintClass;
            }
        }
    }

    private static Map<String, String> languageWords(String... languagesAndWords) {
        Map<String, String> words = new LinkedHashMap<>();
        for (int k = 0; k < languagesAndWords.length; k += 2) {
            words.put(languagesAndWords[k], languagesAndWords[k + 1]);
        }
        return Collections.unmodifiableMap(words);
    }

    private static int longestWord(String words) {
        int longest = 0;
        for (String word : words.split(" ")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }
}
