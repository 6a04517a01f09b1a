package dev.poolsight.core.tokens;

import dev.poolsight.core.tokens.EstimatorPrices.WordCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prices of an {@link EstimatorPrices} as one vector, for the fitting: the estimate is a sum of prices times
 * how often their pieces occur, so it is linear in this vector once the knees of the curves are chosen. The vector
 * holds, in order: the English curve's base, slope and second slope; each other curve's base and slope (Latin words
 * of languages told by their letters, foreign and distant, the scripts, the scripts' marked curves, then each
 * language of {@link HintWords#LANGUAGE_WORDS}); each script's price of a rare
 * letter; the single prices; then each language's price of a Latin-1 letter. The knees are not in the vector: they are chosen by search, one curve at a time.
 */
final class PriceLayout {

    static final int SCRIPTS = EstimatorPrices.SCRIPT_NAMES.size();
    static final List<String> LANGUAGES = List.copyOf(HintWords.LANGUAGE_WORDS.keySet());
    /** The curve of the first script: after English, foreign and distant Latin words. */
    static final int FIRST_SCRIPT_CURVE = 3;
    /** The curve of the first language of {@link HintWords#LANGUAGE_WORDS}: after the scripts' marked curves. */
    static final int FIRST_LANGUAGE_CURVE = FIRST_SCRIPT_CURVE + 2 * SCRIPTS;
    /**
     * The curves: English, foreign, distant, the scripts in {@link EstimatorPrices#SCRIPT_NAMES} order, their
     * marked curves, the languages in {@link HintWords#LANGUAGE_WORDS} order.
     */
    static final int CURVES = FIRST_LANGUAGE_CURVE + LANGUAGES.size();
    static final int SINGLE = EstimatorPrices.SINGLE_PRICE_NAMES.size();
    static final int SIZE = 3 + 2 * (CURVES - 1) + SCRIPTS + SINGLE + LANGUAGES.size();

    private PriceLayout() {
    }

    /** The first index of a curve's prices in the vector. */
    static int curveStart(int curve) {
        return curve == 0 ? 0 : 3 + 2 * (curve - 1);
    }

    /** The indexes of a curve's prices in the vector. */
    static int[] curveIndexes(int curve) {
        int start = curveStart(curve);
        return curve == 0 ? new int[] {start, start + 1, start + 2} : new int[] {start, start + 1};
    }

    /** The index of a script's price of a rare letter ({@link EstimatorPrices#SCRIPT_NAMES} order) in the vector. */
    static int rareLetterIndex(int script) {
        return 3 + 2 * (CURVES - 1) + script;
    }

    /** The index of a single price ({@link EstimatorPrices#SINGLE_PRICE_NAMES} order) in the vector. */
    static int singleIndex(int k) {
        return rareLetterIndex(SCRIPTS) + k;
    }

    /** The index of a language's price of a Latin-1 letter ({@link HintWords#LANGUAGE_WORDS} order) in the vector. */
    static int accentedLetterIndex(int language) {
        return singleIndex(SINGLE) + language;
    }

    /** A name for each index, for reports. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of("english.base", "english.slope", "english.slope2",
                "foreign.base", "foreign.slope", "distant.base", "distant.slope"));
        for (String suffix : List.of("", ".marked")) {
            for (String script : EstimatorPrices.SCRIPT_NAMES) {
                names.add(script + suffix + ".base");
                names.add(script + suffix + ".slope");
            }
        }
        for (String language : LANGUAGES) {
            names.add(language + ".base");
            names.add(language + ".slope");
        }
        for (String script : EstimatorPrices.SCRIPT_NAMES) {
            names.add(script + ".rareLetter");
        }
        names.addAll(EstimatorPrices.SINGLE_PRICE_NAMES);
        LANGUAGES.forEach(language -> names.add("accentedLetter." + language));
        return names;
    }

    /** The curve of a script ({@link EstimatorPrices#SCRIPT_NAMES} order). */
    static int mainCurve(int script) {
        return FIRST_SCRIPT_CURVE + script;
    }

    /** The marked curve of a script. */
    static int markedCurve(int script) {
        return FIRST_SCRIPT_CURVE + SCRIPTS + script;
    }

    /** The curve of a language of {@link HintWords#LANGUAGE_WORDS}, by its index there. */
    static int languageCurve(int language) {
        return FIRST_LANGUAGE_CURVE + language;
    }

    /**
     * The index of a curve's (first) knee among the knees: the English curve's two, one that the curves of other
     * languages in Latin script share, then one per script curve.
     */
    static int kneeIndex(int curve) {
        return curve == 0 ? 0 : curve < FIRST_SCRIPT_CURVE || curve >= FIRST_LANGUAGE_CURVE ? 2 : curve;
    }

    /** The number of knees. */
    static int knees() {
        return FIRST_LANGUAGE_CURVE;
    }

    static EstimatorPrices prices(String encodingName, double[] v, double[] knees) {
        List<WordCurve> scripts = new ArrayList<>();
        List<WordCurve> marked = new ArrayList<>();
        List<Double> rareLetters = new ArrayList<>();
        for (int s = 0; s < SCRIPTS; s++) {
            rareLetters.add(v[rareLetterIndex(s)]);
            scripts.add(curve(v, knees, mainCurve(s)));
            marked.add(curve(v, knees, markedCurve(s)));
        }
        Map<String, WordCurve> languages = new LinkedHashMap<>();
        Map<String, Double> accentedLetters = new LinkedHashMap<>();
        for (int l = 0; l < LANGUAGES.size(); l++) {
            languages.put(LANGUAGES.get(l), curve(v, knees, languageCurve(l)));
            accentedLetters.put(LANGUAGES.get(l), v[accentedLetterIndex(l)]);
        }
        return EstimatorPrices.of(encodingName, new WordCurve(v[0], knees[0], v[1], knees[1], v[2]),
                curve(v, knees, 1), curve(v, knees, 2), scripts, marked, rareLetters,
                Arrays.copyOfRange(v, singleIndex(0), singleIndex(SINGLE)), languages, accentedLetters);
    }

    /** A curve of one knee: its base and slope from the vector, its knee from the knees. */
    private static WordCurve curve(double[] v, double[] knees, int curve) {
        return new WordCurve(v[curveStart(curve)], knees[kneeIndex(curve)], v[curveStart(curve) + 1]);
    }

    /** A vector with 1 at {@code index} and 0 elsewhere. */
    static double[] unit(int index) {
        double[] v = new double[SIZE];
        v[index] = 1;
        return v;
    }
}
