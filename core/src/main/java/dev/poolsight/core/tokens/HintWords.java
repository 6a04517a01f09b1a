package dev.poolsight.core.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frequent short words that tell English from other languages in Latin script, looked up by a key of the
 * lower-cased word without allocating. The other languages are of three kinds, by the tokens the vocabularies spend
 * on a letter of their words (measured on the corpus, {@code o200k_base} and {@code cl100k_base}): well-known ones
 * (German, Spanish, French, Portuguese, Dutch: 0.24 to 0.26 and 0.29 to 0.33, English 0.23), <em>middle</em> ones
 * (Italian: 0.29 and 0.33) and <em>distant</em> ones (Turkish, Swedish, Polish: 0.32 to 0.34 and 0.39 to 0.44).
 * Vietnamese, whose syllables are short, is told apart by its letters and counts as well-known. Which kind a
 * language is depends on the encoding (Dutch costs {@code cl100k_base} more than German), so it is data: the prices
 * file of each encoding names it ({@link EstimatorPrices#languageKinds}), and each encoding's estimator has its table.
 * {@link TokenEstimator} tallies the hints of a text in one long, 16 bits for each kind, so that a word found is
 * added without a branch on its kind.
 */
final class HintWords {

    /**
     * A word's key is its lower-cased letters shifted in {@value #KEY_SHIFT} bits at a time ({@link #key}), which
     * {@link TokenEstimator} folds inline while it finds the end of an ASCII word: a shift and an exclusive or a
     * letter, where a hash would cost a multiplication a letter. Words of lower-case ASCII letters of up to 12 letters
     * have keys of their own (the bits above a letter's low five are the same for every such letter); the table mixes
     * a key once per word ({@link #mixed}), and a hint word is told by 39 bits of the mixed key: the slot's 10 and the
     * fingerprint's 29.
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
     * The function words of the other languages, by language code. Which curve each language is priced on is data:
     * each encoding's prices file says it ({@link EstimatorPrices#languageKinds}), chosen by the fitting.
     */
    static final Map<String, String> LANGUAGE_WORDS = languageWords(
            "de", "der die das und ist nicht ein eine einen ich sie auf f\u00fcr den dem zu von wird sind werden bitte"
                    + " danke wie auch im",
            "fr", "le la les et est une des de pour que qui dans pas vous nous je ce sur avec merci bonjour sont",
            "es", "los las es en por para una lo se muy gracias hola pero como m\u00e1s est\u00e1",
            "pt", "\u00e9 dos um uma n\u00e3o obrigado ol\u00e1 mais voc\u00ea ao pelo pela seu tamb\u00e9m isso"
                    + " muito ent\u00e3o j\u00e1 foi tem",
            "nl", "het een van dat niet voor zijn bedankt ook maar naar wordt uw wij hebben heeft deze bij nog"
                    + " geen kunt mijn",
            "vi", "v\u00e0 c\u1ee7a l\u00e0 c\u00f3 kh\u00f4ng \u0111\u01b0\u1ee3c cho m\u1ed9t c\u00e1c"
                    + " nh\u1eefng b\u1ea1n t\u00f4i n\u00e0y v\u1edbi khi \u0111\u00e3 trong th\u00ec",
            "it", "il di che \u00e8 gli della sono grazie ciao anche un",
            "pl", "si\u0119 jest \u017ce jak czy dla oraz dzi\u0119kuj\u0119 nie",
            "tr", "ve bir bu i\u00e7in ile \u00e7ok te\u015fekk\u00fcr merhaba",
            "sv", "och att det \u00e4r som p\u00e5 inte jag tack");

    /** The kinds of language other than English, as the prices file names them: the curve each is priced on. */
    static final List<String> KINDS = List.of("foreign", "middle", "distant");

    /** The longest hint word: longer words need no look-up. */
    static final int LONGEST = longestWord(ENGLISH_WORDS + " " + String.join(" ", LANGUAGE_WORDS.values()));

    // The tally's fields: 16 bits each, far more than the hints of the longest text read whole (2,048 characters: at
    // most 1,024 words, each a hint by its spelling and one by its letters).
    private static final int FIELD_BITS = 16;
    private static final int FIELD_MASK = (1 << FIELD_BITS) - 1;
    private static final int ENGLISH = 0;
    private static final int FOREIGN = 1;
    private static final int MIDDLE = 2;
    private static final int DISTANT = 3;

    // An open-addressing table of linear probes, a quarter full, so that a word is found most of the time in one
    // probe. A slot is one int: 29 bits of the word's mixed key as its fingerprint, the word's kind in the two
    // bits of SLOT_KIND, and SLOT_OCCUPIED, so that an empty slot is 0. Ints rather than the whole key and tally in
    // two longs: the table is 4 KB instead of 16, because it is often read cold. Between two appends the counter's
    // worker and Redis push it out of the cache, and every word that is not a hint probes a slot at random: with the
    // cache emptied before each estimate, the 16 KB table made an estimate of 1 KB 4.5 us slower (13 us against 8.6).
    private static final int TABLE_BITS = 10;
    private static final int SLOT_OCCUPIED = 1;
    private static final int SLOT_KIND_SHIFT = 1;
    private static final int SLOT_KIND = 3 << SLOT_KIND_SHIFT;

    private final int[] slots = new int[1 << TABLE_BITS];

    /**
     * The hint words, each language's counted as hints of its kind.
     *
     * @param kindByLanguage each language of {@link #LANGUAGE_WORDS} and its kind, one of {@link #KINDS}
     */
    HintWords(Map<String, String> kindByLanguage) {
        add(ENGLISH_WORDS, ENGLISH);
        LANGUAGE_WORDS.forEach((language, words) -> add(words, FOREIGN + KINDS.indexOf(kindByLanguage.get(language))));
    }

    /**
     * What a word with an accented letter of Latin-1 ({@code é ü ñ å}) or Latin Extended Additional (Vietnamese's
     * {@code ạ ế}) adds to the tally: one hint of a language the vocabularies know as well as German. Texts without
     * function words of another language in the lists (a weather report in Polish) are told by their letters;
     * {@link TokenEstimator} counts them only in such texts.
     */
    static final long FOREIGN_LETTER = 1L << (FIELD_BITS * FOREIGN);
    /**
     * What a word with a letter of Latin Extended-A or -B ({@code ł ę ş ğ ı ř ő}), written by Polish, Turkish, Czech,
     * Hungarian and Romanian rather than by the languages the vocabularies know best, adds to the tally.
     */
    static final long DISTANT_LETTER = 1L << (FIELD_BITS * DISTANT);

    /** What a Latin word with this key ({@link #key}) adds to the tally: one hint of its kind, or 0. */
    long tally(long key) {
        long hash = mixed(key);
        int[] table = slots;
        int slot = slot(hash);
        int wanted = fingerprint(hash) | SLOT_OCCUPIED;
        int probed;
        while ((probed = table[slot]) != 0 && (probed & ~SLOT_KIND) != wanted) {
            slot = (slot + 1) & (table.length - 1);
        }
        // An empty slot gives 0; a word, 1 in the field of its kind.
        return (long) (probed & SLOT_OCCUPIED) << (FIELD_BITS * ((probed & SLOT_KIND) >>> SLOT_KIND_SHIFT));
    }

    /** The English hints in a tally. */
    static int english(long tally) {
        return field(tally, ENGLISH);
    }

    /** The hints of other languages the vocabularies know about as well as German in a tally. */
    static int foreign(long tally) {
        return field(tally, FOREIGN);
    }

    /** The hints of middle languages (Italian) in a tally. */
    static int middle(long tally) {
        return field(tally, MIDDLE);
    }

    /** The hints of distant languages (Polish, Turkish, Swedish) in a tally. */
    static int distant(long tally) {
        return field(tally, DISTANT);
    }

    private static int field(long tally, int kind) {
        return (int) (tally >>> (FIELD_BITS * kind)) & FIELD_MASK;
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

    /**
     * The 29 bits of the mixed key below the slot's, in the bits of a slot above {@link #SLOT_OCCUPIED} and
     * {@link #SLOT_KIND}.
     */
    private static int fingerprint(long hash) {
        return (int) (hash >>> (Long.SIZE - TABLE_BITS - Integer.SIZE)) & ~(SLOT_OCCUPIED | SLOT_KIND);
    }

    /**
     * Puts the space-separated words in the table as words of {@code kind}, unless a word with the same fingerprint
     * is there already: English goes first, so a word of two lists counts as English.
     */
    private void add(String words, int kind) {
        for (String word : words.split(" ")) {
            long hash = mixed(key(word, 0, word.length()));
            int fingerprint = fingerprint(hash) | SLOT_OCCUPIED;
            int slot = slot(hash);
            while (slots[slot] != 0 && (slots[slot] & ~SLOT_KIND) != fingerprint) {
                slot = (slot + 1) & (slots.length - 1);
            }
            if (slots[slot] == 0) {
                slots[slot] = fingerprint | kind << SLOT_KIND_SHIFT;
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
