package dev.poolsight.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's own table for time.ParseDuration (src/time/time_test.go), row for row. */
class GoDurationTest {

    private static final long NS = 1;
    private static final long US = 1_000 * NS;
    private static final long MS = 1_000 * US;
    private static final long S = 1_000 * MS;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    static Stream<Arguments> parseDurationTests() {
        return Stream.of(
                // simple
                Arguments.of("0", 0L),
                Arguments.of("5s", 5 * S),
                Arguments.of("30s", 30 * S),
                Arguments.of("1478s", 1478 * S),
                // sign
                Arguments.of("-5s", -5 * S),
                Arguments.of("+5s", 5 * S),
                Arguments.of("-0", 0L),
                Arguments.of("+0", 0L),
                // decimal
                Arguments.of("5.0s", 5 * S),
                Arguments.of("5.6s", 5 * S + 600 * MS),
                Arguments.of("5.s", 5 * S),
                Arguments.of(".5s", 500 * MS),
                Arguments.of("1.0s", 1 * S),
                Arguments.of("1.00s", 1 * S),
                Arguments.of("1.004s", 1 * S + 4 * MS),
                Arguments.of("1.0040s", 1 * S + 4 * MS),
                Arguments.of("100.00100s", 100 * S + 1 * MS),
                // different units
                Arguments.of("10ns", 10 * NS),
                Arguments.of("11us", 11 * US),
                Arguments.of("12\u00b5s", 12 * US),
                Arguments.of("12\u03bcs", 12 * US),
                Arguments.of("13ms", 13 * MS),
                Arguments.of("14s", 14 * S),
                Arguments.of("15m", 15 * M),
                Arguments.of("16h", 16 * H),
                // composite durations
                Arguments.of("3h30m", 3 * H + 30 * M),
                Arguments.of("10.5s4m", 4 * M + 10 * S + 500 * MS),
                Arguments.of("-2m3.4s", -(2 * M + 3 * S + 400 * MS)),
                Arguments.of("1h2m3s4ms5us6ns", 1 * H + 2 * M + 3 * S + 4 * MS + 5 * US + 6 * NS),
                Arguments.of("39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS),
                // large value
                Arguments.of("52763797000ns", 52763797000L * NS),
                // more than 9 digits after decimal point, see https://golang.org/issue/6617
                Arguments.of("0.3333333333333333333h", 20 * M),
                // 9007199254740993 = 1<<53+1 cannot be stored precisely in a float64
                Arguments.of("9007199254740993ns", ((1L << 53) + 1) * NS),
                // largest duration that can be represented by int64 in nanoseconds
                Arguments.of("9223372036854775807ns", Long.MAX_VALUE),
                Arguments.of("9223372036854775.807us", Long.MAX_VALUE),
                Arguments.of("9223372036s854ms775us807ns", Long.MAX_VALUE),
                Arguments.of("-9223372036854775808ns", Long.MIN_VALUE),
                Arguments.of("-9223372036854775.808us", Long.MIN_VALUE),
                Arguments.of("-9223372036s854ms775us808ns", Long.MIN_VALUE),
                // largest negative value
                Arguments.of("-9223372036854775808ns", Long.MIN_VALUE),
                // largest negative round trip value, see https://golang.org/issue/48629
                Arguments.of("-2562047h47m16.854775808s", Long.MIN_VALUE),
                // huge string; issue 15011.
                Arguments.of("0.100000000000000000000h", 6 * M),
                // This value tests the first overflow check in leadingFraction.
                Arguments.of("0.830103483285477580700h", 49 * M + 48 * S + 372539827 * NS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseDurationTests")
    void parsesWhatGoParses(String text, long expectedNanos) {
        assertThat(GoDuration.parseNanos(text)).isEqualTo(expectedNanos);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            // invalid
            "", "3", "-", "s", ".", "-.", ".s", "+.s", "1d",
            "\u0085\u0085", "\u00ffff", "hello \u00ffff world", "\uFFFD", "\uFFFD hello \uFFFD world",
            // overflow
            "9223372036854775810ns", "9223372036854775808ns", "-9223372036854775809ns", "9223372036854776us",
            "3000000h", "9223372036854775.808us", "9223372036854ms775us808ns"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parseNanos(text))
                .isInstanceOf(InvalidDurationException.class)
                .hasMessageContaining('"' + text + '"');
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3", "100", "1.5"})
    void aNumberWithoutUnitSaysTheUnitIsMissing(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .hasMessageStartingWith("missing unit in duration \"" + text + "\"")
                .hasMessageContaining("ns, us, ms, s, m or h");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d", "5sec", "2w", "10mins"})
    void anUnknownUnitIsNamed(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .hasMessageStartingWith("unknown unit \"" + text.replaceAll("^[0-9.]+", "") + "\" in duration \"" + text + "\"")
                .hasMessageContaining("accepted units are ns, us, µs, ms, s, m and h");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "1ns", "250us", "500ms", "30s", "1m30s", "45s", "1h", "2h0m5s", "-3s", "1.5h"})
    void formatParsesBackToTheSameDuration(String text) {
        Duration duration = GoDuration.parse(text);
        assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1m30s", "500ms", "30s", "250us", "7ns", "1h1s"})
    void formatWritesTheLargestExactUnits(String text) {
        assertThat(GoDuration.format(GoDuration.parse(text))).isEqualTo(text);
    }
}
