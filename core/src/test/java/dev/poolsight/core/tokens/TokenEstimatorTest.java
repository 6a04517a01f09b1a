package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Kind;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenEstimatorTest {

    private static final double TOLERANCE_PERCENT = 15;
    private static final double GOAL_SHARE_PERCENT = 90;

    /**
     * The estimates of every corpus message, one line per message in corpus order: {@code o200k_base}, a space,
     * {@code cl100k_base}. They pin the estimator's output, so that work on its speed cannot change a count; a
     * change meant to change the counts (new prices, a new corpus) rewrites the file and reviews the difference.
     */
    private static final String PINNED_CORPUS_ESTIMATES = "estimator-golden.txt";

    @Test
    void anEmptyTextHasNoTokens() {
        assertThat(new TokenEstimator().count("")).isZero();
        assertThat(TokenEstimator.forEncoding("cl100k_base").count("")).isZero();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" ", "\n", "a", "\u00e9", "\uD83D", "\u200D"})
    void anyOtherTextHasAtLeastOneToken(String text) {
        assertThat(new TokenEstimator().count(text)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theDefaultEstimatorIsTheO200kOne() {
        TokenEstimator byDefault = new TokenEstimator();
        TokenEstimator o200k = TokenEstimator.forEncoding("o200k_base");

        assertThat(byDefault.encodingName()).isEqualTo("o200k_base");
        for (Message message : TokenCorpus.messages()) {
            assertThat(byDefault.count(message.text())).isEqualTo(o200k.count(message.text()));
        }
    }

    @Test
    void onlyCalibratedEncodingsAreAccepted() {
        assertThat(TokenEstimator.forEncoding("CL100K_BASE").encodingName()).isEqualTo("cl100k_base");
        assertThatThrownBy(() -> TokenEstimator.forEncoding("p50k_base"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoding=\"p50k_base\": no calibrated estimate; accepted: o200k_base, cl100k_base");
    }

    @Test
    void aLineOfRepeatedPunctuationCostsAboutOneToken() {
        assertThat(new TokenEstimator().count("=".repeat(80))).isLessThanOrEqualTo(2);
    }

    @Test
    void everyCorpusMessageKeepsItsPinnedEstimate() throws IOException {
        List<Message> messages = TokenCorpus.messages();
        List<String> pinned = readPinnedCorpusEstimates();
        assertThat(pinned).as("lines of %s, one per corpus message", PINNED_CORPUS_ESTIMATES).hasSize(messages.size());

        TokenEstimator o200k = TokenEstimator.forEncoding("o200k_base");
        TokenEstimator cl100k = TokenEstimator.forEncoding("cl100k_base");
        List<String> changed = new ArrayList<>();
        for (int m = 0; m < messages.size(); m++) {
            String text = messages.get(m).text();
            String actual = o200k.count(text) + " " + cl100k.count(text);
            if (!actual.equals(pinned.get(m))) {
                changed.add(String.format(Locale.ROOT, "message %d (%s): pinned %s, now %s", m, messages.get(m).kind(),
                        pinned.get(m), actual));
            }
        }
        assertThat(changed).as("messages whose estimates (o200k_base cl100k_base) changed").isEmpty();
    }

    /** The pass over every character; {@code count} samples texts above the threshold instead (see the sampling test). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pinnedTexts")
    void unusualTextsKeepTheirPinnedEstimates(String name, String text, int o200k, int cl100k) {
        assertThat(TokenEstimator.forEncoding("o200k_base").countEveryCharacter(text)).as("o200k_base").isEqualTo(o200k);
        assertThat(TokenEstimator.forEncoding("cl100k_base").countEveryCharacter(text)).as("cl100k_base")
                .isEqualTo(cl100k);
    }

    /** Texts at the edges of the estimator's pass over the characters, with their o200k_base and cl100k_base counts. */
    static Stream<Arguments> pinnedTexts() {
        return Stream.of(
                Arguments.of("empty", "", 0, 0),
                Arguments.of("one space", " ", 1, 1),
                Arguments.of("spaces only", " ".repeat(4096), 1, 1),
                Arguments.of("line breaks only", "\r\n".repeat(500), 1, 2),
                Arguments.of("other white space", "\t \u00A0\u2028\u3000 \u000B\f ", 2, 4),
                Arguments.of("one letter repeated", "a".repeat(100_000), 28218, 29028),
                Arguments.of("one upper-case letter repeated", "A".repeat(1000), 319, 312),
                Arguments.of("one accented letter repeated", "\u00e9".repeat(1000), 730, 1429),
                Arguments.of("one punctuation character repeated", "=".repeat(100_000), 1, 1),
                Arguments.of("one digit repeated", "7".repeat(100_001), 36067, 34367),
                Arguments.of("one ideograph repeated", "\u4e2d".repeat(10_000), 6415, 8725),
                Arguments.of("one emoji repeated", "\uD83D\uDE00".repeat(1000), 1864, 2979),
                Arguments.of("5 MB of prose", prose(5 << 20), 1128216, 1138050),
                Arguments.of("surrogate pairs", "Nice \uD83D\uDC4D\uD83C\uDFFD! The family"
                        + " \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 says \u2764\uFE0F and"
                        + " \uD835\uDC01\uD835\uDC28\uD835\uDC25\uD835\uDC1D.\n\uD83D\uDE00", 30, 43),
                Arguments.of("lone high surrogates", "\uD83D a\uD83Db \uD83D\uD83D\uDE00 c\uD83D\n\uD83D", 8, 9),
                Arguments.of("lone low surrogates", "\uDE00x \uDE00\uDE00 y\uDE00\n\uDE00\uD83D", 6, 6),
                Arguments.of("mixed scripts", "Hello \u043c\u0438\u0440, \u4e16\u754c\uff01"
                        + " \u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947"
                        + " \u0393\u03b5\u03b9\u03ac \uc548\ub155 \u3053\u3093\u306b\u3061\u306f\u3002"
                        + " \u00e7a va? \u00dcn\u00efc\u00f6d\u00e9 \u1e9etra\u00dfe Vi\u1ec7t e\u0301t\u00e9"
                        + " \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 \u20ac5 \u2014 \u00abok\u00bb", 37, 66),
                Arguments.of("case changes and contractions", "getUserName HTTPServerError iPhone \u00c9cole"
                        + " it's IT'S we'll they're you've I'm he'd don't rock'n'roll 'tis O'Neil ends' it'", 28, 35),
                Arguments.of("function words of several languages", "The cat and the dog. Der Hund und die Katze."
                        + " Le chat et le chien. THE END, das Ende, la fin, dzi\u0119kuj\u0119", 28, 31),
                Arguments.of("long words", "pneumonoultramicroscopicsilicovolcanoconiosis"
                        + " Donaudampfschifffahrtsgesellschaftskapit\u00e4n ".repeat(3)
                        + "x".repeat(300) + "Y".repeat(300), 218, 222),
                Arguments.of("code", "public int size() {\r\n\treturn items.size(); // why not\r\n}\n\n"
                        + "    if (a != b && c <= d) {\n        x[i++] = \"\\\"q\\\"\";\n    }\n  \t\n", 38, 38),
                Arguments.of("json", "{\"id\":\"call_12345\",\"args\":{\"n\":[1,22,333,4444,-5.5e10],"
                        + "\"ok\":true,\"v\":null,\"s\":\"a b  c\"}} 42 7", 47, 47),
                Arguments.of("control characters", "\u0000\u0001a\u007f\u0085 \u200B\u200D\uFE0F\uFEFF\uFFFF", 8, 9));
    }

    @Test
    void theCorpusHoldsAtLeast400MessagesOfEveryKind() {
        assertThat(TokenCorpus.messages()).hasSizeGreaterThanOrEqualTo(400);
        for (Kind kind : Kind.values()) {
            assertThat(TokenCorpus.messages(kind)).as(kind.name()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void atLeast90PercentOfTheCorpusIsWithin15PercentOfTheExactCount(String encoding) {
        List<Measurement> measurements = measure(encoding);
        print(encoding, measurements);

        assertThat(shareWithinTolerance(measurements, Measurement::estimateError))
                .as("share of messages whose estimate is within %s %% of the exact %s count", TOLERANCE_PERCENT, encoding)
                .isGreaterThanOrEqualTo(GOAL_SHARE_PERCENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"o200k_base", "cl100k_base"})
    void itBeatsCharactersDividedByFour(String encoding) {
        List<Measurement> measurements = measure(encoding);

        assertThat(shareWithinTolerance(measurements, Measurement::estimateError))
                .isGreaterThan(shareWithinTolerance(measurements, Measurement::naiveError));
        assertThat(percentile(errors(measurements, m -> true, Measurement::estimateError), 0.5))
                .isLessThan(percentile(errors(measurements, m -> true, Measurement::naiveError), 0.5));
        assertThat(percentile(errors(measurements, m -> true, Measurement::estimateError), 0.9))
                .isLessThan(percentile(errors(measurements, m -> true, Measurement::naiveError), 0.9));
    }

    private static List<String> readPinnedCorpusEstimates() throws IOException {
        try (InputStream in = TokenEstimatorTest.class.getResourceAsStream(PINNED_CORPUS_ESTIMATES)) {
            assertThat(in).as("test resource %s", PINNED_CORPUS_ESTIMATES).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** English prose of the corpus, repeated up to exactly {@code length} characters. */
    private static String prose(int length) {
        String messages = TokenCorpus.messages(Kind.ENGLISH).stream().map(Message::text)
                .collect(Collectors.joining("\n\n"));
        StringBuilder text = new StringBuilder(length + messages.length());
        while (text.length() < length) {
            text.append(messages).append("\n\n");
        }
        return text.substring(0, length);
    }

    /** One corpus message: its kind and the absolute errors, in percent of the exact count. */
    private record Measurement(Kind kind, double estimateError, double naiveError) {
    }

    private interface ErrorOf {
        double of(Measurement measurement);
    }

    private static List<Measurement> measure(String encoding) {
        ExactTokenCounter exact = ExactTokenCounter.forEncoding(encoding);
        TokenEstimator estimator = TokenEstimator.forEncoding(encoding);
        List<Measurement> measurements = new ArrayList<>();
        for (Message message : TokenCorpus.messages()) {
            int expected = exact.count(message.text());
            int naive = (message.text().length() + 3) / 4;
            measurements.add(new Measurement(message.kind(),
                    errorPercent(estimator.count(message.text()), expected), errorPercent(naive, expected)));
        }
        return measurements;
    }

    private static double errorPercent(int estimate, int exact) {
        return Math.abs(estimate - exact) * 100.0 / exact;
    }

    private static double shareWithinTolerance(List<Measurement> measurements, ErrorOf error) {
        long within = measurements.stream().filter(m -> error.of(m) <= TOLERANCE_PERCENT).count();
        return within * 100.0 / measurements.size();
    }

    private static double[] errors(List<Measurement> measurements, Predicate<Measurement> filter, ErrorOf error) {
        return measurements.stream().filter(filter).mapToDouble(error::of).sorted().toArray();
    }

    /** The q-quantile of sorted values, interpolating linearly between the closest ranks. */
    private static double percentile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private static void print(String encoding, List<Measurement> measurements) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%n[token-estimator] %s against the exact count, |estimate - exact| / exact:%n",
                encoding));
        table.append(String.format(Locale.ROOT, "[token-estimator] %-13s %8s %8s %8s %12s %12s %12s%n",
                "kind", "messages", "median", "p90", "within 15%", "chars/4 p50", "chars/4 15%"));
        for (Kind kind : Kind.values()) {
            appendRow(table, kind.name(), measurements, m -> m.kind() == kind);
        }
        appendRow(table, "ALL", measurements, m -> true);
        System.out.print(table);
    }

    private static void appendRow(StringBuilder table, String label, List<Measurement> all, Predicate<Measurement> filter) {
        List<Measurement> rows = all.stream().filter(filter).toList();
        double[] estimate = errors(rows, m -> true, Measurement::estimateError);
        double[] naive = errors(rows, m -> true, Measurement::naiveError);
        table.append(String.format(Locale.ROOT, "[token-estimator] %-13s %8d %7.1f%% %7.1f%% %11.1f%% %11.1f%% %11.1f%%%n",
                label, rows.size(), percentile(estimate, 0.5), percentile(estimate, 0.9),
                shareWithinTolerance(rows, Measurement::estimateError), percentile(naive, 0.5),
                shareWithinTolerance(rows, Measurement::naiveError)));
    }
}
