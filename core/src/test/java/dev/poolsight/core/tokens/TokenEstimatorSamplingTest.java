package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Kind;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What sampling long texts costs in accuracy. The long texts are corpus messages of one kind, or of all kinds mixed,
 * joined by blank lines in a seeded random order and cut to a length from just above the threshold to 64 KB.
 * {@code docs/token-estimator.md} holds the table this test prints.
 */
class TokenEstimatorSamplingTest {

    private static final int THRESHOLD = 2048;
    private static final int[] LENGTHS = {THRESHOLD + 1, 4096, 8192, 16384, 32768, 65536};
    private static final int TEXTS_PER_LENGTH = 20;
    private static final String MIXED = "MIXED";

    /**
     * What sampling may add, in percent of the estimate from every character: at most, for texts of one kind and
     * for texts of all kinds mixed (whose density of tokens changes most from message to message), and for half of
     * the texts of a kind and length.
     */
    private static final double MAX_SAMPLING_ERROR_PERCENT = 15;
    private static final double MAX_SAMPLING_ERROR_MIXED_PERCENT = 25;
    private static final double MEDIAN_SAMPLING_ERROR_PERCENT = 6;

    @Test
    void textsUpToTheThresholdAreReadWhole() {
        TokenEstimator estimator = new TokenEstimator();
        for (String text : longTexts(null, THRESHOLD, 20)) {
            assertThat(text).hasSize(THRESHOLD);
            assertThat(estimator.count(text)).isEqualTo(estimator.countEveryCharacter(text));
        }
    }

    @Test
    void longerTextsAreSampled() {
        TokenEstimator estimator = new TokenEstimator();
        long differ = longTexts(null, 16384, 20).stream()
                .filter(text -> estimator.count(text) != estimator.countEveryCharacter(text)).count();

        assertThat(differ).isPositive();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void samplingStaysCloseToTheEstimateFromEveryCharacter(String encoding) {
        List<Row> rows = measure(encoding, false);
        print(encoding, rows);

        for (Row row : rows) {
            assertThat(row.maxSamplingError()).as("largest error, %s texts of %d characters", row.kind(), row.length())
                    .isLessThanOrEqualTo(row.kind().equals(MIXED) ? MAX_SAMPLING_ERROR_MIXED_PERCENT
                            : MAX_SAMPLING_ERROR_PERCENT);
            assertThat(row.medianSamplingError()).as("median error, %s texts of %d characters", row.kind(), row.length())
                    .isLessThanOrEqualTo(MEDIAN_SAMPLING_ERROR_PERCENT);
        }
    }

    /**
     * Against exact counts, sampling makes the median error at most {@value #MEDIAN_SAMPLING_ERROR_PERCENT} points
     * worse than reading every character, and prints the table with the exact counts for the docs. Counting 64 KB
     * texts exactly takes a while, so it runs when asked: {@code -Dtoken-estimator.sampling.exact=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "token-estimator.sampling.exact", matches = "true")
    void samplingAddsLittleToTheErrorAgainstExactCounts() {
        List<Row> rows = measure("o200k_base", true);
        print("o200k_base", rows);

        for (Row row : rows) {
            assertThat(row.medianSampledError()).as("median error against exact counts, %s texts of %d characters",
                    row.kind(), row.length()).isLessThanOrEqualTo(row.medianFullError() + MEDIAN_SAMPLING_ERROR_PERCENT);
        }
    }

    /**
     * One kind at one length: the sampling error against the estimate from every character, and the median error
     * of both against the exact count (NaN when not measured).
     */
    private record Row(String kind, int length, double medianSamplingError, double maxSamplingError,
                       double medianFullError, double medianSampledError) {
    }

    private static List<Row> measure(String encoding, boolean withExact) {
        TokenEstimator estimator = TokenEstimator.forEncoding(encoding);
        ExactTokenCounter exact = withExact ? ExactTokenCounter.forEncoding(encoding) : null;
        List<Row> rows = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>(Arrays.asList(Kind.values()));
        kinds.add(null);
        for (Kind kind : kinds) {
            for (int length : LENGTHS) {
                List<String> texts = longTexts(kind, length, TEXTS_PER_LENGTH);
                double[] sampling = new double[texts.size()];
                double[] full = new double[texts.size()];
                double[] sampled = new double[texts.size()];
                Arrays.fill(full, Double.NaN);
                Arrays.fill(sampled, Double.NaN);
                for (int t = 0; t < texts.size(); t++) {
                    int fullEstimate = estimator.countEveryCharacter(texts.get(t));
                    int sampledEstimate = estimator.count(texts.get(t));
                    sampling[t] = errorPercent(sampledEstimate, fullEstimate);
                    if (exact != null) {
                        int exactCount = exact.count(texts.get(t));
                        full[t] = errorPercent(fullEstimate, exactCount);
                        sampled[t] = errorPercent(sampledEstimate, exactCount);
                    }
                }
                rows.add(new Row(kind == null ? MIXED : kind.name(), length, median(sampling),
                        Arrays.stream(sampling).max().orElse(0), median(full), median(sampled)));
            }
        }
        return rows;
    }

    /**
     * {@code count} texts of exactly {@code length} characters, each corpus messages of {@code kind} (all kinds when
     * null) in an order of its own, joined by blank lines.
     */
    private static List<String> longTexts(Kind kind, int length, int count) {
        List<String> messages = new ArrayList<>();
        for (Message message : kind == null ? TokenCorpus.messages() : TokenCorpus.messages(kind)) {
            messages.add(message.text());
        }
        List<String> texts = new ArrayList<>();
        for (int seed = 0; seed < count; seed++) {
            Collections.shuffle(messages, new Random(seed * 31L + length));
            StringBuilder text = new StringBuilder(length + 4096);
            for (int m = 0; text.length() < length; m = (m + 1) % messages.size()) {
                text.append(messages.get(m)).append("\n\n");
            }
            int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length + 1 : length;
            texts.add(text.substring(0, end));
        }
        return texts;
    }

    private static double errorPercent(int estimate, int reference) {
        return Math.abs(estimate - reference) * 100.0 / reference;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A percentage, or a dash when it was not measured. */
    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static void print(String encoding, List<Row> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n[token-estimator-sampling] %s, %d texts per row, errors in %% of the reference:%n", encoding,
                TEXTS_PER_LENGTH));
        table.append(String.format(Locale.ROOT, "[token-estimator-sampling] %-13s %7s %14s %14s %14s %14s%n", "kind",
                "length", "vs full p50", "vs full max", "full vs exact", "sampled vs ex"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "[token-estimator-sampling] %-13s %7d %13.1f%% %13.1f%% %14s %14s%n",
                    row.kind(), row.length(), row.medianSamplingError(), row.maxSamplingError(),
                    percent(row.medianFullError()), percent(row.medianSampledError())));
        }
        System.out.print(table);
    }
}
