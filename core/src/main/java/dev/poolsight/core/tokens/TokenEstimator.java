package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.CharacterClass.*;

import dev.poolsight.core.tokens.EstimatorPrices.WordCurve;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A fast, allocation-free guess of the token count, calibrated against jtokkit's exact counts.
 *
 * <p>One pass over the characters splits the text roughly as the tokenizers' pre-tokenizer does and prices each
 * piece: a word by its script and length (Latin words split at lower-to-upper case changes, as in
 * {@code getUserName}) and by its letters that the encoding's vocabulary does not hold as one token
 * ({@link SingleTokenLetters}), a run of Han, kana or Hangul also by the words of the vocabulary that cover it
 * ({@link CjkVocabulary}), a word of Cyrillic, Greek, Arabic, Hebrew or an Indic script by the vocabulary's words
 * of its script that cover it ({@link ScriptVocabulary}), digits by groups of three, punctuation runs by how often
 * their character changes, line breaks and indentation, symbols and emoji one by one. Latin words are priced as English, or as another
 * language in Latin script that the vocabularies know well, less or least, in proportion to the hints of each kind
 * in the text: function words ({@code the}, {@code der}, {@code che}, {@code się}), or accented letters where
 * there are none of another language; where they name another language than English, the Latin words are also
 * priced by the pieces the vocabulary's Latin words cut them into ({@link ScriptVocabulary}), in a second pass.
 * The prices are fitted per encoding on the corpus of {@code TokenCorpus} in the testkit;
 * {@code docs/token-estimator.md} describes the method and how to reproduce the figures.
 *
 * <p>The prices are data ({@code prices-<encoding>.properties} beside this class), written by the fitting in core's
 * tests; {@code docs/token-estimator.md} has the errors per language and script, measured on messages left out of
 * the fitting, and the command that refits the prices and regenerates those tables. Most messages are within 15 %
 * of the exact count, English, code and JSON more often than other languages, whose words take a number of tokens
 * that depends on the vocabulary more than on their length. Use {@link ExactTokenCounter} where a count must be
 * right.
 *
 * <p>Instances are immutable and thread-safe; {@link #count(String)} allocates nothing. It reads each character
 * about once, in loops kept tight for ASCII words, spaces and punctuation, because it runs on the append path of a
 * conversation store; of a text longer than 2,048 characters it reads evenly spaced samples of 1,280 in all, which
 * adds an error of a few percent (see {@link #count(String)}).
 */
public final class TokenEstimator implements TokenCounter {

    // Texts longer than SAMPLING_THRESHOLD characters are read in SAMPLED_WINDOWS windows of about WINDOW_LENGTH
    // characters (see count): many short windows rather than a few long ones, because a long text's density of
    // tokens changes from paragraph to paragraph, and more windows see more of them for the same reading. 64 of 20
    // are as close to the full estimate as 32 of 64 were, for 1,280 characters read instead of 2,048. A
    // window's ends move forward to where white space begins, by at most CUT_SEARCH characters: text without white
    // space, such as CJK or base64, is cut where the search gave up.
    private static final int SAMPLING_THRESHOLD = 2048;
    private static final int SAMPLED_WINDOWS = 64;
    private static final int WINDOW_LENGTH = 20;
    private static final int CUT_SEARCH = 32;

    // A text whose words of a script have a marked letter in one of MARKED_SHARE_SCALE is priced with the marked
    // curves alone; fewer, in proportion.
    private static final double MARKED_SHARE_SCALE = 4;

    // Latin words shorter than this are priced from a table rather than from their curve; longer ones are rare.
    private static final int TABULATED_WORD_LENGTHS = 32;

    private static final EstimatorPrices O200K = EstimatorPrices.load("o200k_base");
    private static final EstimatorPrices CL100K = EstimatorPrices.load("cl100k_base");
    private static final SingleTokenLetters O200K_LETTERS = SingleTokenLetters.load("o200k_base");
    private static final SingleTokenLetters CL100K_LETTERS = SingleTokenLetters.load("cl100k_base");
    private static final CjkVocabulary O200K_WORDS = CjkVocabulary.load("o200k_base");
    private static final CjkVocabulary CL100K_WORDS = CjkVocabulary.load("cl100k_base");
    // The words of alphabetic scripts (a data file of 0.42 MB for o200k_base) are read when an estimator of the
    // encoding first meets a word of those scripts, by the class initialisation of a holder, or when prepare() asks
    // for them (AsyncTokenCounter's worker does, as it starts): an application that estimates without such words and
    // without preparing never waits for them, nor holds them in memory.
    private static final Supplier<ScriptVocabulary> O200K_SCRIPT_WORDS = () -> O200kScriptWords.WORDS;
    private static final Supplier<ScriptVocabulary> CL100K_SCRIPT_WORDS = () -> Cl100kScriptWords.WORDS;
    // Likewise the Latin words (0.87 MB for o200k_base), read at the first text whose hints name another language.
    private static final Supplier<ScriptVocabulary> O200K_LATIN_WORDS = () -> O200kLatinWords.WORDS;
    private static final Supplier<ScriptVocabulary> CL100K_LATIN_WORDS = () -> Cl100kLatinWords.WORDS;

    private final EstimatorPrices prices;
    // The price of a Latin word by its length as English: the same doubles as the curve's. Priced as another
    // language, a word costs its curve's base and its slope times the letters beyond the knee the curves of other
    // languages share: the estimate sums those letters once, for all of them.
    private final double[] englishWordPrices;
    private final double[] lettersBeyondKnee;
    private final WordCurve[] scriptCurves; // by character class, from CharacterClass.CJK on
    private final WordCurve[] markedScriptCurves;
    private final double[] rareLetterPrices; // by character class, from CharacterClass.CJK on
    private final SingleTokenLetters singleTokenLetters;
    private final CjkVocabulary cjkVocabulary;
    private final Supplier<ScriptVocabulary> scriptVocabulary;
    private final Supplier<ScriptVocabulary> latinVocabulary;
    private final HintWords hintWords; // each language's function words as hints of the curve its prices name

    /** An estimator for {@code o200k_base}, the encoding of the GPT-4o, GPT-4.1, GPT-5 and o-series models. */
    public TokenEstimator() {
        this(O200K, O200K_LETTERS, O200K_WORDS, O200K_SCRIPT_WORDS, O200K_LATIN_WORDS);
    }

    /**
     * An estimator with these prices, single-token letters, CJK words, words of alphabetic scripts (asked for at
     * the first word of those scripts) and Latin words (asked for at the first text whose hints name another
     * language than English), which must be of one encoding; the fitting of the prices measures candidates with it.
     */
    TokenEstimator(EstimatorPrices prices, SingleTokenLetters singleTokenLetters, CjkVocabulary cjkVocabulary,
            Supplier<ScriptVocabulary> scriptVocabulary, Supplier<ScriptVocabulary> latinVocabulary) {
        this.prices = prices;
        this.singleTokenLetters = singleTokenLetters;
        this.cjkVocabulary = cjkVocabulary;
        this.scriptVocabulary = scriptVocabulary;
        this.latinVocabulary = latinVocabulary;
        this.hintWords = new HintWords(prices.languageKinds());
        this.rareLetterPrices = prices.rareLetters().stream().mapToDouble(Double::doubleValue).toArray();
        this.englishWordPrices = prices.english().table(TABULATED_WORD_LENGTHS);
        this.lettersBeyondKnee = new WordCurve(0, prices.foreign().knee(), 1).table(TABULATED_WORD_LENGTHS);
        this.scriptCurves = prices.scripts().toArray(new WordCurve[0]);
        this.markedScriptCurves = prices.markedScripts().toArray(new WordCurve[0]);
    }

    /**
     * Reads the words of alphabetic scripts and the Latin words this encoding's vocabulary holds (up to 1.5 MB of
     * tables), which estimates otherwise read at the first text that needs them: 0.1 to 0.3 s, once per JVM, on that
     * text's count.
     */
    @Override
    public void prepare() {
        scriptVocabulary.get();
        latinVocabulary.get();
    }

    /**
     * An estimator calibrated for {@code encodingName}.
     *
     * @throws IllegalArgumentException unless the name is {@code o200k_base} or {@code cl100k_base}
     */
    public static TokenEstimator forEncoding(String encodingName) {
        String name = encodingName == null ? "" : encodingName.trim().toLowerCase(Locale.ROOT);
        if (name.equals(O200K.encodingName())) {
            return new TokenEstimator(O200K, O200K_LETTERS, O200K_WORDS, O200K_SCRIPT_WORDS, O200K_LATIN_WORDS);
        }
        if (name.equals(CL100K.encodingName())) {
            return new TokenEstimator(CL100K, CL100K_LETTERS, CL100K_WORDS, CL100K_SCRIPT_WORDS, CL100K_LATIN_WORDS);
        }
        throw new IllegalArgumentException("encoding=" + (encodingName == null ? "(not set)" : '"' + encodingName + '"')
                + ": no calibrated estimate; accepted: " + O200K.encodingName() + ", " + CL100K.encodingName());
    }

    /** The encoding whose counts this estimator approximates, such as {@code o200k_base}. */
    public String encodingName() {
        return prices.encodingName();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A text of up to 2,048 characters is read whole. A longer one is read in 64 windows of about 20 characters,
     * spread evenly from its start to its end, and the estimate of the windows is scaled by the text's length over
     * the characters read, so that the cost stays that of a text of 1,280 characters however long the text is. A
     * window begins and ends where white space begins, so that no word is cut. On long texts made of corpus
     * messages, sampling moved the estimate by at most 5.5 % at the median and 14 % at most for texts of one kind
     * (prose, code, JSON, one language) and 20 % for texts that mix them; {@code docs/token-estimator.md} has the
     * table.
     */
    @Override
    public int count(String text) {
        Objects.requireNonNull(text, "text is null");
        return rounded(text, unrounded(text));
    }

    /** The estimate from every character of the text, however long; {@link #count} gives it up to the threshold. */
    int countEveryCharacter(String text) {
        return rounded(text, estimate(text, 1));
    }

    /**
     * The estimate {@link #count} rounds: a sum of prices, each times how often its piece occurs in the text, so
     * that the fitting can find how often each piece occurs by pricing one piece at 1 and the others at 0.
     */
    double unrounded(String text) {
        return text.length() > SAMPLING_THRESHOLD ? estimate(text, SAMPLED_WINDOWS) : estimate(text, 1);
    }

    /** The estimate as a count: 0 for an empty text, at least 1 for any other. */
    private static int rounded(String text, double tokens) {
        return text.isEmpty() ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(tokens)));
    }

    /**
     * Reads the text in {@code windows} windows, or whole if there is one. Each turn of the inner loop reads one
     * piece: a Latin word, with the single spaces before the next words, which cost nothing; a run of white space,
     * of ASCII punctuation, of digits or of letters of another script; or a character that stands alone. Every
     * price is added to its sum on its own and in the order of the text, so that the floating-point rounding, and
     * with it the count, does not depend on how a piece was read.
     */
    private double estimate(String text, int windows) {
        int length = text.length();
        if (length == 0) {
            return 0;
        }
        EstimatorPrices p = prices;
        double[] englishPrices = englishWordPrices;
        double[] beyondKnee = lettersBeyondKnee;
        HintWords hintTable = hintWords;
        double tokens = 0;
        double englishWords = 0; // Latin words priced as English
        int latinWords = 0;
        double latinExcess = 0; // the letters of Latin words beyond the knee of the curves of other languages
        long hints = 0; // function words of English, such as "the", and of other languages, such as "der"
        long letterHints = 0; // words with accented letters, as hints of the kind of language that writes them
        double scriptWords = 0; // words of other scripts, priced as the script's main language
        double markedWords = 0; // the same words priced as a language the vocabulary knows less, such as Ukrainian
        int scriptWordCount = 0;
        int markedWordCount = 0; // words with a marked letter, such as Ukrainian's і

        int read = 0; // characters read, in all windows
        int end = 0; // where the window being read ends
        for (int window = 0; window < windows; window++) {
            long bounds = window(text, windows, window, end);
            int i = (int) (bounds >>> 32);
            end = (int) bounds;
            read += end - i;
            while (i < end) {
                int start = i;
                char c = text.charAt(i);
                int cls = c < 0x80 ? ASCII[c] : CharacterClass.at(text, i, end);
                if (isLatin(cls)) {
                    while (true) {
                        int wordStart = i;
                        long key = HintWords.KEY_START; // of the lower-cased word, for the hint lookup
                        // Most words are ASCII letters, lower-case after the first: this loop finds their end and
                        // keys them on the way, and they are priced as one part with no upper-case price.
                        char first = text.charAt(i);
                        if (isAsciiLetter(first)) {
                            key = key << HintWords.KEY_SHIFT ^ (first | 0x20);
                            for (i++; i < end; i++) {
                                char d = text.charAt(i);
                                if (!isAsciiLower(d)) {
                                    break;
                                }
                                key = key << HintWords.KEY_SHIFT ^ d;
                            }
                        }
                        // What follows the word's ASCII letters: a space stands for the window's end.
                        char next = i < end ? text.charAt(i) : ' ';
                        if (i == wordStart || isLatin(next < 0x80 ? ASCII[next] : CharacterClass.at(text, i, end))) {
                            // Any other word (getUserName, HTTP, café) is read again from its start, priced in parts
                            // split at lower-to-upper case changes.
                            i = wordStart;
                            int partStart = i;
                            long letterHint = 0; // what the word's accented letters tell of its language
                            int uppers = 0; // in the current part
                            boolean afterLower = false; // whether the letter before i is a lower-case ASCII one
                            for (; i < end; i++) {
                                char d = text.charAt(i);
                                if (isAsciiLower(d)) {
                                    afterLower = true;
                                } else if (isAsciiUpper(d)) {
                                    if (afterLower) {
                                        englishWords += wordPrice(englishPrices, p.english(), i - partStart);
                                        latinWords++;
                                        latinExcess += lettersBeyondKnee(beyondKnee, p, i - partStart);
                                        tokens += upperCasePrice(p, uppers);
                                        partStart = i;
                                        uppers = 0;
                                    }
                                    uppers++;
                                    afterLower = false;
                                } else if (d >= 0x80 && CharacterClass.at(text, i, end) == LATIN_OTHER) {
                                    if (d <= '\u00FF') {
                                        tokens += p.accentedLetter();
                                        letterHint = Math.max(letterHint, HintWords.FOREIGN_LETTER);
                                    } else if (d <= '\u024F') {
                                        tokens += p.latinExtendedLetter();
                                        letterHint = HintWords.DISTANT_LETTER;
                                    } else {
                                        tokens += p.latinAdditionalLetter();
                                        letterHint = Math.max(letterHint, HintWords.FOREIGN_LETTER);
                                    }
                                    if (!singleTokenLetters.contains(d)) {
                                        tokens += p.latinRareLetter();
                                    }
                                    afterLower = false;
                                } else {
                                    break;
                                }
                            }
                            englishWords += wordPrice(englishPrices, p.english(), i - partStart);
                            latinWords++;
                            latinExcess += lettersBeyondKnee(beyondKnee, p, i - partStart);
                            tokens += upperCasePrice(p, uppers);
                            key = i - wordStart <= HintWords.LONGEST ? HintWords.key(text, wordStart, i) : 0;
                            letterHints += letterHint;
                            next = i < end ? text.charAt(i) : ' ';
                        } else {
                            englishWords += wordPrice(englishPrices, p.english(), i - wordStart);
                            latinWords++;
                            latinExcess += lettersBeyondKnee(beyondKnee, p, i - wordStart);
                        }
                        // Only words of up to HintWords.LONGEST letters can be hints: the others' tally is masked out, which
                        // spares a branch on the length of every word.
                        hints += hintTable.tally(key) & ((i - wordStart - HintWords.LONGEST - 1) >> 31);
                        if (next == ' ' && i + 1 < end && isAsciiLetter(text.charAt(i + 1))) {
                            // A single space before a word costs nothing: read that word without going round the loop.
                            i++;
                            continue;
                        }
                        // A contraction ends a Latin word: the 's of it's, the 'll of we'll.
                        int suffix = next == '\'' ? contractionLength(text, i, end) : 0;
                        if (suffix > 0) {
                            tokens += p.contraction();
                            i += 1 + suffix;
                        }
                        break;
                    }
                } else if (cls == PUNCT) {
                    int changes = 0; // characters that differ from the one before
                    char before = c;
                    for (i++; i < end; i++) {
                        char d = text.charAt(i);
                        if (d >= 0x80 || ASCII[d] != PUNCT) {
                            break;
                        }
                        if (d != before) {
                            changes++;
                        }
                        before = d;
                    }
                    tokens += punctuationPrice(p, text, start, i, changes);
                } else if (c == ' ' && i + 1 < end && isFreeAfterOneSpace(text.charAt(i + 1))) {
                    i++; // a lone space before a word or punctuation is merged with it
                } else if (isWhiteSpace(cls)) {
                    // A line break right after punctuation is merged with it.
                    boolean afterPunctuation = cls == NEWLINE && i > 0 && isPunctuation(CharacterClass.of(text.charAt(i - 1)));
                    boolean lineBreak = false; // whether the run holds a line break
                    int tailLength = 0; // white space after the run's last line break
                    boolean tailTab = false;
                    while (true) {
                        int spaces = i;
                        i = skipSpaces(text, i, end);
                        tailLength += i - spaces;
                        if (i == end) {
                            break;
                        }
                        char d = text.charAt(i);
                        int space = d < 0x80 ? ASCII[d] : CharacterClass.at(text, i, end);
                        if (space == NEWLINE) {
                            lineBreak = true;
                            tailLength = 0;
                            tailTab = false;
                        } else if (space == BLANK) {
                            tailLength++;
                            tailTab |= d == '\t';
                        } else {
                            break;
                        }
                        i++;
                    }
                    if (lineBreak) {
                        tokens += afterPunctuation ? p.lineBreakAfterPunctuation() : p.lineBreak();
                    }
                    if (tailLength >= 2 || tailTab) {
                        tokens += p.indentation();
                    } else if (tailLength == 1 && (i == end || isAsciiDigit(text.charAt(i)))) {
                        tokens += p.loneSpace();
                    }
                } else if (cls == DIGIT) {
                    i = skipAsciiDigits(text, i + 1, end);
                    tokens += p.digitGroup() * ((i - start + 2) / 3);
                } else if (cls >= CJK) {
                    // Letters the vocabulary does not hold as one token are split into their bytes: each costs more.
                    SingleTokenLetters letters = singleTokenLetters;
                    boolean marked = isMarkedLetter(text, i, end);
                    int rare = letters.contains(c) ? 0 : 1;
                    for (i++; i < end && CharacterClass.at(text, i, end) == cls; i++) {
                        marked |= isMarkedLetter(text, i, end);
                        rare += letters.contains(text.charAt(i)) ? 0 : 1;
                    }
                    tokens += rareLetterPrices[cls - CJK] * rare;
                    if (cls <= HANGUL) {
                        // Han, kana and Hangul cost what the words of the vocabulary that cover the run number.
                        tokens += p.cjkPiece() * cjkVocabulary.pieces(text, start, i);
                    } else if (cls <= INDIC) {
                        // So do words of Cyrillic, Greek, Arabic, Hebrew and Indic, the first piece with the space
                        // before the word, as the pre-tokenizer hands it to the merges.
                        tokens += p.scriptPiece()
                                * scriptVocabulary.get().pieces(text, start, i, ScriptVocabulary.formAt(text, start));
                    }
                    scriptWords += scriptCurves[cls - CJK].price(i - start);
                    markedWords += markedScriptCurves[cls - CJK].price(i - start);
                    scriptWordCount++;
                    markedWordCount += marked ? 1 : 0;
                } else {
                    tokens += singleCharacterPrice(p, cls);
                    i += cls == EMOJI ? 2 : 1;
                }
            }
        }

        // Words of other languages cost more than English ones of the same length; their function words and accented
        // letters tell. The letters count only where no function word names another language: Swedish writes å, ä
        // and ö, Latin-1 letters as German's are, in more words than it writes its function words, and they drew its
        // texts towards the curve of well-known languages.
        if (HintWords.foreign(hints) + HintWords.middle(hints) + HintWords.distant(hints) == 0) {
            hints += letterHints;
        }
        int englishHints = HintWords.english(hints);
        int foreignHints = HintWords.foreign(hints);
        int middleHints = HintWords.middle(hints);
        int distantHints = HintWords.distant(hints);
        int allHints = englishHints + foreignHints + middleHints + distantHints;
        if (allHints == englishHints) {
            // No hint of another language: English, priced without working out the other curves and the mix.
            tokens += englishWords;
        } else {
            double foreignWords = p.foreign().base() * latinWords + p.foreign().slope() * latinExcess;
            double middleWords = p.middle().base() * latinWords + p.middle().slope() * latinExcess;
            double distantWords = p.distant().base() * latinWords + p.distant().slope() * latinExcess;
            tokens += (englishHints * englishWords + foreignHints * foreignWords + middleHints * middleWords
                    + distantHints * distantWords) / allHints;
            // What decides the rest is which words the vocabulary holds: a second pass over the Latin words, on
            // the same windows, cuts them into the vocabulary's words, in proportion to the hints of other languages
            // (and not at all where the pieces cost nothing).
            if (p.latinPiece() != 0) {
                tokens += p.latinPiece() * (allHints - englishHints) / allHints * latinPieces(text, windows);
            }
        }
        // Words of a script that the vocabulary knows from one language (Russian for Cyrillic) cost more in another
        // (Ukrainian): a text where a quarter of the words have a letter that language lacks is priced as the other.
        double markedShare = scriptWordCount == 0 ? 0
                : Math.min(1, MARKED_SHARE_SCALE * markedWordCount / scriptWordCount);
        tokens += (1 - markedShare) * scriptWords + markedShare * markedWords;
        if (read < length) {
            tokens = tokens * length / read;
        }
        return tokens;
    }

    /**
     * The pieces the Latin words of the windows fall into, as the vocabulary's Latin words cut them: each word split
     * at lower-to-upper case changes, as the first pass prices it, the first part after a space in the form with a
     * space. The split is the first pass's rule, read again here rather than shared: the first pass prices letters
     * on the way, in the loop every English word runs through.
     */
    private int latinPieces(String text, int windows) {
        ScriptVocabulary words = latinVocabulary.get();
        int pieces = 0;
        int end = 0;
        for (int window = 0; window < windows; window++) {
            long bounds = window(text, windows, window, end);
            int i = (int) (bounds >>> 32);
            end = (int) bounds;
            while (i < end) {
                int partStart = i;
                boolean afterLower = false;
                for (; i < end; i++) {
                    char d = text.charAt(i);
                    if (isAsciiLower(d)) {
                        afterLower = true;
                    } else if (isAsciiUpper(d)) {
                        if (afterLower) {
                            break;
                        }
                    } else if (d >= 0x80 && CharacterClass.at(text, i, end) == LATIN_OTHER) {
                        afterLower = false;
                    } else {
                        break;
                    }
                }
                if (i == partStart) {
                    i++;
                } else {
                    pieces += words.pieces(text, partStart, i, ScriptVocabulary.formAt(text, partStart));
                }
            }
        }
        return pieces;
    }

    @Override
    public String toString() {
        return "TokenEstimator[" + prices.encodingName() + "]";
    }

    private static double upperCasePrice(EstimatorPrices p, int uppers) {
        return uppers >= 2 ? p.upperCase() * (uppers - 1) : 0;
    }

    private static double wordPrice(double[] byLength, WordCurve curve, int length) {
        return length < byLength.length ? byLength[length] : curve.price(length);
    }

    /** The letters of a word of {@code length} beyond the knee of the curves of other languages. */
    private static double lettersBeyondKnee(double[] byLength, EstimatorPrices p, int length) {
        return length < byLength.length ? byLength[length] : Math.max(0, length - p.foreign().knee());
    }

    /**
     * A run of ASCII punctuation, from {@code start} to {@code end}, costs about one token however often one
     * character repeats ({@code ====}); more when the characters change ({@code "));}). A single character directly
     * before a word, with no space in front of it, is mostly merged into the word ({@code .get}, {@code _id}).
     */
    private static double punctuationPrice(EstimatorPrices p, String text, int start, int end, int changes) {
        if (end - start == 1 && end < text.length() && !(start > 0 && text.charAt(start - 1) == ' ')) {
            int next = CharacterClass.at(text, end, text.length());
            if (isLatin(next) || next >= CJK) {
                return p.punctuationBeforeWord();
            }
        }
        return p.punctuationRun() + p.punctuationChange() * Math.max(0, changes - 1);
    }

    /** The price of a character that is a piece of its own: a symbol, emoji, joiner or CJK punctuation mark. */
    private static double singleCharacterPrice(EstimatorPrices p, int cls) {
        switch (cls) {
            case SYMBOL:
                return p.symbol();
            case CJK_PUNCT:
                return p.cjkPunctuation();
            case EMOJI:
                return p.emoji();
            case JOINER:
                return p.joiner();
            default:
                throw new IllegalArgumentException("character class " + cls + " is not priced on its own");
        }
    }

    /**
     * Where the window {@code window} of {@code windows} begins (the high int) and ends (the low int), the window
     * before having ended at {@code previousEnd}: the whole text if there is one window.
     */
    private static long window(String text, int windows, int window, int previousEnd) {
        if (windows == 1) {
            return text.length();
        }
        int from = (int) ((long) (text.length() - WINDOW_LENGTH) * window / (windows - 1));
        int start = Math.max(previousEnd, cutAtOrAfter(text, from));
        int end = Math.max(start, cutAtOrAfter(text, from + WINDOW_LENGTH));
        return (long) start << 32 | end;
    }

    /**
     * Where a window may begin or end, at or after {@code from}: where a run of white space begins, so that a
     * window ends after a whole word and the next takes the white space in front of its first word. Without white
     * space within {@link #CUT_SEARCH} characters it is {@code from} itself, or the character after it when
     * {@code from} would split a surrogate pair.
     */
    private static int cutAtOrAfter(String text, int from) {
        int length = text.length();
        if (from <= 0 || from >= length) {
            return Math.max(0, Math.min(from, length));
        }
        int limit = Math.min(length, from + CUT_SEARCH);
        for (int at = from; at < limit; at++) {
            if (isWhiteSpaceCharacter(text.charAt(at)) && !isWhiteSpaceCharacter(text.charAt(at - 1))) {
                return at;
            }
        }
        if (limit == length) {
            return length;
        }
        return Character.isLowSurrogate(text.charAt(from)) && Character.isHighSurrogate(text.charAt(from - 1))
                ? from + 1 : from;
    }

    private static int skipSpaces(String text, int i, int n) {
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static int skipAsciiDigits(String text, int i, int n) {
        while (i < n && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Whether a lone space before {@code next} costs nothing: it does before a letter or punctuation, which it is
     * merged with; before a digit it is a piece of its own, and before more white space it is part of a longer run.
     */
    private static boolean isFreeAfterOneSpace(char next) {
        return next < 0x80 && (ASCII[next] == LOWER || ASCII[next] == UPPER || ASCII[next] == PUNCT);
    }

    /** The length of the contraction suffix after the apostrophe at {@code at} ('s, 't, 're, 've, 'm, 'll, 'd), or 0. */
    private static int contractionLength(String text, int at, int n) {
        if (at + 1 >= n) {
            return 0;
        }
        char first = asciiLower(text.charAt(at + 1));
        char second = at + 2 < n ? asciiLower(text.charAt(at + 2)) : 0;
        int length;
        if (first == 's' || first == 't' || first == 'm' || first == 'd') {
            length = 1;
        } else if ((first == 'r' || first == 'v') && second == 'e' || first == 'l' && second == 'l') {
            length = 2;
        } else {
            return 0;
        }
        int after = at + 1 + length;
        return after >= n || !isLatin(CharacterClass.of(text.charAt(after))) ? length : 0;
    }

    private static final class O200kScriptWords {
        static final ScriptVocabulary WORDS = ScriptVocabulary.load("o200k_base");
    }

    private static final class Cl100kScriptWords {
        static final ScriptVocabulary WORDS = ScriptVocabulary.load("cl100k_base");
    }

    private static final class O200kLatinWords {
        static final ScriptVocabulary WORDS = ScriptVocabulary.load(ScriptVocabulary.Alphabet.LATIN, "o200k_base");
    }

    private static final class Cl100kLatinWords {
        static final ScriptVocabulary WORDS = ScriptVocabulary.load(ScriptVocabulary.Alphabet.LATIN, "cl100k_base");
    }
}
