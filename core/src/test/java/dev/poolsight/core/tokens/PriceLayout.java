package dev.poolsight.core.tokens;

import dev.poolsight.core.tokens.EstimatorPrices.WordCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The prices of an {@link EstimatorPrices} as one vector, for the fitting: the estimate is a sum of prices times
 * how often their pieces occur, so it is linear in this vector once the knees of the curves are chosen. The vector
 * holds, in order: the English curve's base, slope and second slope; each other curve's base and slope (foreign,
 * middle and distant Latin words, the scripts, then the scripts' marked curves); each script's price of a rare
 * letter; then the single prices. The knees are not in the vector: they are chosen by search, one curve at a time.
 */
final class PriceLayout {

    static final int SCRIPTS = EstimatorPrices.SCRIPT_NAMES.size();
    /** The curve of the first script: after English, foreign, middle and distant Latin words. */
    static final int FIRST_SCRIPT_CURVE = 4;
    /**
     * The curves: English, foreign, middle, distant, the scripts in {@link EstimatorPrices#SCRIPT_NAMES} order, their
     * marked curves.
     */
    static final int CURVES = FIRST_SCRIPT_CURVE + 2 * SCRIPTS;
    static final int SINGLE = EstimatorPrices.SINGLE_PRICE_NAMES.size();
    static final int SIZE = 3 + 2 * (CURVES - 1) + SCRIPTS + SINGLE;

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

    /** A name for each index, for reports. */
    static List<String> names() {
        List<String> names = new ArrayList<>(List.of("english.base", "english.slope", "english.slope2",
                "foreign.base", "foreign.slope", "middle.base", "middle.slope", "distant.base", "distant.slope"));
        for (String suffix : List.of("", ".marked")) {
            for (String script : EstimatorPrices.SCRIPT_NAMES) {
                names.add(script + suffix + ".base");
                names.add(script + suffix + ".slope");
            }
        }
        for (String script : EstimatorPrices.SCRIPT_NAMES) {
            names.add(script + ".rareLetter");
        }
        names.addAll(EstimatorPrices.SINGLE_PRICE_NAMES);
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

    /**
     * The index of a curve's (first) knee among the knees: the English curve's two, one that the curves of other
     * languages in Latin script share, then one per script curve.
     */
    static int kneeIndex(int curve) {
        return curve == 0 ? 0 : curve < FIRST_SCRIPT_CURVE ? 2 : curve - 1;
    }

    /** The number of knees. */
    static int knees() {
        return kneeIndex(CURVES - 1) + 1;
    }

    static EstimatorPrices prices(String encodingName, double[] v, double[] knees, Map<String, String> languageKinds) {
        List<WordCurve> scripts = new ArrayList<>();
        List<WordCurve> marked = new ArrayList<>();
        List<Double> rareLetters = new ArrayList<>();
        for (int s = 0; s < SCRIPTS; s++) {
            rareLetters.add(v[rareLetterIndex(s)]);
            int main = mainCurve(s);
            scripts.add(new WordCurve(v[curveStart(main)], knees[kneeIndex(main)], v[curveStart(main) + 1]));
            int markedCurve = markedCurve(s);
            marked.add(new WordCurve(v[curveStart(markedCurve)], knees[kneeIndex(markedCurve)],
                    v[curveStart(markedCurve) + 1]));
        }
        return EstimatorPrices.of(encodingName, new WordCurve(v[0], knees[0], v[1], knees[1], v[2]),
                new WordCurve(v[curveStart(1)], knees[kneeIndex(1)], v[curveStart(1) + 1]),
                new WordCurve(v[curveStart(2)], knees[kneeIndex(2)], v[curveStart(2) + 1]),
                new WordCurve(v[curveStart(3)], knees[kneeIndex(3)], v[curveStart(3) + 1]), scripts, marked,
                rareLetters, Arrays.copyOfRange(v, singleIndex(0), SIZE), languageKinds);
    }

    /** A vector with 1 at {@code index} and 0 elsewhere. */
    static double[] unit(int index) {
        double[] v = new double[SIZE];
        v[index] = 1;
        return v;
    }
}
