package dev.poolsight.core.tokens;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What each piece of text costs, in tokens, under one encoding: the prices {@link TokenEstimator} adds up. They are
 * data, fitted to the corpus by {@code TokenEstimatorFitting} (core's tests) and kept in {@code prices-<encoding>.properties}
 * beside this class; {@code docs/token-estimator.md} describes each price and how they are fitted.
 *
 * @param english a Latin word, priced as English
 * @param foreign a Latin word, priced as another language in Latin script that the vocabulary knows well
 * @param middle a Latin word, priced as a language whose words the vocabulary splits a little more (Italian)
 * @param distant a Latin word, priced as a language whose words the vocabulary splits more still ({@link HintWords});
 *     the three curves of other languages share their knee, so that the estimator sums the letters beyond it once
 *     for all three
 * @param scripts a run of letters of another script, in {@link #SCRIPT_NAMES} order
 * @param markedScripts the same, in a text where many words of the script have a letter the vocabulary rarely saw
 *     ({@link CharacterClass#isMarkedLetter}), such as Ukrainian's {@code і}
 * @param rareLetters a letter of a script that the vocabulary does not hold as one token ({@link SingleTokenLetters}),
 *     on top of its word, in {@link #SCRIPT_NAMES} order
 * @param upperCase an upper-case letter after the first, in a word with two or more
 * @param accentedLetter an accented Latin letter of Latin-1 ({@code é ü ñ}), on top of its word
 * @param contraction a contraction suffix ({@code 's}, {@code 'll})
 * @param digitGroup a group of up to three digits
 * @param lineBreak a line break, one or more
 * @param lineBreakAfterPunctuation a line break directly after punctuation, which tokenizers merge with it
 * @param indentation two or more spaces, or a tab, before the next text
 * @param loneSpace a lone space before a digit or at the end
 * @param punctuationRun a run of ASCII punctuation
 * @param punctuationChange each change of character in a punctuation run beyond the first
 * @param punctuationBeforeWord a single punctuation character that leads a word ({@code .get}, {@code _id})
 * @param symbol a non-ASCII symbol ({@code €}, {@code —})
 * @param emoji an emoji or other supplementary character
 * @param joiner a zero-width joiner or variation selector
 * @param cjkPunctuation a CJK punctuation mark or full-width form
 * @param latinExtendedLetter a Latin letter of Latin Extended-A or -B ({@code ł ę ş ğ ı}), on top of its word: in
 *     two bytes of UTF-8 as Latin-1's, but rarer in the vocabularies
 * @param latinAdditionalLetter a Latin letter of Latin Extended Additional ({@code ạ ế ợ}, Vietnamese), on top of
 *     its word: three bytes of UTF-8, but frequent enough that the vocabularies merge many
 * @param latinRareLetter an accented Latin letter that the vocabulary does not hold as one token, on top of its
 *     word and its block's price
 * @param cjkPiece a piece of a run of Han, kana or Hangul letters, as the words of the vocabulary cut it
 *     ({@link CjkVocabulary}), on top of the run's curve
 * @param scriptPiece a piece of a word of Cyrillic, Greek, Arabic, Hebrew or Indic letters, as the words of the
 *     vocabulary cut it ({@link ScriptVocabulary}), on top of the word's curve
 * @param latinPiece a piece of a Latin word, as the vocabulary's Latin words cut it ({@link ScriptVocabulary}), in
 *     a text whose hints name another language than English, in proportion to those hints, on top of the word's
 *     curves
 * @param languageKinds the curve each language of {@link HintWords#LANGUAGE_WORDS} is priced on, one of
 *     {@link HintWords#KINDS}, by language code: data rather than code because the encodings differ (Dutch costs
 *     {@code cl100k_base} as many tokens a letter as Italian, {@code o200k_base} as many as German)
 */
record EstimatorPrices(
        String encodingName,
        WordCurve english,
        WordCurve foreign,
        WordCurve middle,
        WordCurve distant,
        List<WordCurve> scripts,
        List<WordCurve> markedScripts,
        List<Double> rareLetters,
        double upperCase,
        double accentedLetter,
        double contraction,
        double digitGroup,
        double lineBreak,
        double lineBreakAfterPunctuation,
        double indentation,
        double loneSpace,
        double punctuationRun,
        double punctuationChange,
        double punctuationBeforeWord,
        double symbol,
        double emoji,
        double joiner,
        double cjkPunctuation,
        double latinExtendedLetter,
        double latinAdditionalLetter,
        double latinRareLetter,
        double cjkPiece,
        double scriptPiece,
        double latinPiece,
        Map<String, String> languageKinds) {

    /** The names of the scripts in the prices file, in the order of their character classes. */
    static final List<String> SCRIPT_NAMES = List.of("cjk", "kana", "hangul", "cyrillic", "greek", "arabic", "hebrew",
            "indic", "thai", "other");

    /** The names of the single prices in the prices file, in the order of the record's components. */
    static final List<String> SINGLE_PRICE_NAMES = List.of("upperCase", "accentedLetter", "contraction", "digitGroup",
            "lineBreak", "lineBreakAfterPunctuation", "indentation", "loneSpace", "punctuationRun", "punctuationChange",
            "punctuationBeforeWord", "symbol", "emoji", "joiner", "cjkPunctuation", "latinExtendedLetter",
            "latinAdditionalLetter", "latinRareLetter", "cjkPiece", "scriptPiece", "latinPiece");

    EstimatorPrices {
        scripts = List.copyOf(scripts);
        markedScripts = List.copyOf(markedScripts);
        rareLetters = List.copyOf(rareLetters);
        languageKinds = Collections.unmodifiableMap(new LinkedHashMap<>(languageKinds));
        if (!languageKinds.keySet().equals(HintWords.LANGUAGE_WORDS.keySet())
                || !HintWords.KINDS.containsAll(languageKinds.values())) {
            throw new IllegalArgumentException("language kinds: " + languageKinds + "; expected one of "
                    + HintWords.KINDS + " for each of " + HintWords.LANGUAGE_WORDS.keySet());
        }
        if (foreign.knee() != middle.knee() || foreign.knee() != distant.knee() || foreign.slope2() != 0
                || middle.slope2() != 0 || distant.slope2() != 0) {
            throw new IllegalArgumentException("word curves of other languages: " + foreign.format() + ", "
                    + middle.format() + ", " + distant.format()
                    + "; expected one knee shared by all, and one slope each");
        }
        if (scripts.size() != CharacterClass.SCRIPTS || markedScripts.size() != CharacterClass.SCRIPTS
                || rareLetters.size() != CharacterClass.SCRIPTS) {
            throw new IllegalArgumentException("scripts: " + scripts.size() + " and " + markedScripts.size()
                    + " curves, " + rareLetters.size() + " rare-letter prices; expected one per script "
                    + SCRIPT_NAMES);
        }
    }

    /** The single prices, in {@link #SINGLE_PRICE_NAMES} order. */
    double[] singlePrices() {
        return new double[] {upperCase, accentedLetter, contraction, digitGroup, lineBreak, lineBreakAfterPunctuation,
            indentation, loneSpace, punctuationRun, punctuationChange, punctuationBeforeWord, symbol, emoji, joiner,
            cjkPunctuation, latinExtendedLetter, latinAdditionalLetter, latinRareLetter, cjkPiece, scriptPiece,
            latinPiece};
    }

    /** Prices with these curves and single prices ({@link #SINGLE_PRICE_NAMES} order). */
    static EstimatorPrices of(String encodingName, WordCurve english, WordCurve foreign, WordCurve middle,
            WordCurve distant, List<WordCurve> scripts, List<WordCurve> markedScripts, List<Double> rareLetters,
            double[] single, Map<String, String> languageKinds) {
        if (single.length != SINGLE_PRICE_NAMES.size()) {
            throw new IllegalArgumentException("single prices: " + single.length + "; expected "
                    + SINGLE_PRICE_NAMES.size() + ": " + SINGLE_PRICE_NAMES);
        }
        return new EstimatorPrices(encodingName, english, foreign, middle, distant, scripts, markedScripts, rareLetters,
                single[0], single[1], single[2], single[3], single[4], single[5], single[6], single[7], single[8],
                single[9], single[10], single[11], single[12], single[13], single[14], single[15], single[16],
                single[17], single[18], single[19], single[20], languageKinds);
    }

    /** The name of the resource, beside this class, that holds an encoding's prices. */
    static String resourceName(String encodingName) {
        return "prices-" + encodingName + ".properties";
    }

    /**
     * Reads an encoding's prices from its resource.
     *
     * @throws IllegalStateException if the resource is missing, or a price is missing or not a number
     */
    static EstimatorPrices load(String encodingName) {
        String resource = resourceName(encodingName);
        return EstimatorResources.read(resource, "prices", text -> {
            Properties properties = new Properties();
            properties.load(text);
            return parse(encodingName, resource, properties);
        });
    }

    /** The prices in {@code properties}, which come from {@code source} (named in errors). */
    static EstimatorPrices parse(String encodingName, String source, Properties properties) {
        WordCurve[] scripts = new WordCurve[SCRIPT_NAMES.size()];
        WordCurve[] marked = new WordCurve[SCRIPT_NAMES.size()];
        Double[] rare = new Double[SCRIPT_NAMES.size()];
        for (int s = 0; s < scripts.length; s++) {
            scripts[s] = curve(source, properties, "script." + SCRIPT_NAMES.get(s));
            marked[s] = curve(source, properties, "script." + SCRIPT_NAMES.get(s) + ".marked");
            rare[s] = numbers(source, properties, "script." + SCRIPT_NAMES.get(s) + ".rareLetter", 1)[0];
        }
        double[] single = new double[SINGLE_PRICE_NAMES.size()];
        for (int k = 0; k < single.length; k++) {
            single[k] = numbers(source, properties, SINGLE_PRICE_NAMES.get(k), 1)[0];
        }
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String language : HintWords.LANGUAGE_WORDS.keySet()) {
            kinds.put(language, kind(source, properties, "language." + language));
        }
        return of(encodingName, curve(source, properties, "word.english"), curve(source, properties, "word.foreign"),
                curve(source, properties, "word.middle"), curve(source, properties, "word.distant"), List.of(scripts),
                List.of(marked), List.of(rare), single, kinds);
    }

    /** The prices in the format {@link #load} reads, with a comment line first. */
    String format(String comment) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(comment).append('\n');
        text.append("word.english = ").append(english.format()).append('\n');
        text.append("word.foreign = ").append(foreign.format()).append('\n');
        text.append("word.middle = ").append(middle.format()).append('\n');
        text.append("word.distant = ").append(distant.format()).append('\n');
        for (int s = 0; s < SCRIPT_NAMES.size(); s++) {
            text.append("script.").append(SCRIPT_NAMES.get(s)).append(" = ").append(scripts.get(s).format()).append('\n');
            text.append("script.").append(SCRIPT_NAMES.get(s)).append(".marked = ").append(markedScripts.get(s).format())
                    .append('\n');
            text.append("script.").append(SCRIPT_NAMES.get(s)).append(".rareLetter = ")
                    .append(WordCurve.number(rareLetters.get(s))).append('\n');
        }
        double[] single = singlePrices();
        for (int k = 0; k < single.length; k++) {
            text.append(SINGLE_PRICE_NAMES.get(k)).append(" = ").append(WordCurve.number(single[k])).append('\n');
        }
        languageKinds.forEach((language, kind) -> text.append("language.").append(language).append(" = ").append(kind)
                .append('\n'));
        return text.toString();
    }

    private static String kind(String source, Properties properties, String key) {
        String value = properties.getProperty(key);
        String kind = value == null ? null : value.trim();
        if (!HintWords.KINDS.contains(kind)) {
            throw new IllegalStateException(source + ": " + key + (value == null ? " is missing" : "=\"" + value
                    + "\" is not valid") + "; accepted: one of " + HintWords.KINDS);
        }
        return kind;
    }

    private static WordCurve curve(String source, Properties properties, String key) {
        String value = properties.getProperty(key);
        double[] n = numbers(source, properties, key, value != null && value.trim().split("\\s+").length == 5 ? 5 : 3);
        return n.length == 5 ? new WordCurve(n[0], n[1], n[2], n[3], n[4]) : new WordCurve(n[0], n[1], n[2]);
    }

    private static double[] numbers(String source, Properties properties, String key, int count) {
        String value = properties.getProperty(key);
        String accepted = count == 1 ? "a number of tokens, such as 0.5" : count + " numbers separated by spaces";
        if (value == null) {
            throw new IllegalStateException(source + ": " + key + " is missing; accepted: " + accepted);
        }
        String[] parts = value.trim().split("\\s+");
        double[] numbers = new double[parts.length];
        try {
            for (int k = 0; k < parts.length; k++) {
                numbers[k] = Double.parseDouble(parts[k]);
            }
        } catch (NumberFormatException e) {
            numbers = new double[0];
        }
        if (numbers.length != count) {
            throw new IllegalStateException(source + ": " + key + "=\"" + value + "\" is not valid; accepted: " + accepted);
        }
        return numbers;
    }

    /**
     * The price of a word, or a run of a script's letters, of {@code length} letters:
     * {@code base + slope * max(0, length - knee) + slope2 * max(0, length - knee2)}.
     */
    record WordCurve(double base, double knee, double slope, double knee2, double slope2) {

        WordCurve(double base, double knee, double slope) {
            this(base, knee, slope, 0, 0);
        }

        double price(int length) {
            return base + slope * Math.max(0, length - knee) + slope2 * Math.max(0, length - knee2);
        }

        /** The prices of words shorter than {@code lengths}, by length: the very doubles {@link #price} returns. */
        double[] table(int lengths) {
            double[] prices = new double[lengths];
            for (int length = 0; length < lengths; length++) {
                prices[length] = price(length);
            }
            return prices;
        }

        String format() {
            String three = number(base) + " " + number(knee) + " " + number(slope);
            return knee2 == 0 && slope2 == 0 ? three : three + " " + number(knee2) + " " + number(slope2);
        }

        static String number(double value) {
            String text = String.format(Locale.ROOT, "%.4f", value);
            return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", ".0") : text;
        }
    }
}
