package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

    @Test
    void noArgumentMeansDefaults() {
        AgentOptions options = AgentOptions.parse(null);

        assertThat(options.leakThreshold()).isEmpty();
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.jolokia()).isEmpty();
        assertThat(options.quiet()).isFalse();
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void keyValuePairsSeparatedByCommas() {
        AgentOptions options = AgentOptions.parse("leakThreshold=30s, window=2m,jolokia=127.0.0.1:8778,quiet");

        assertThat(options.leakThreshold()).contains(Duration.ofSeconds(30));
        assertThat(options.window()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.jolokia()).contains("127.0.0.1:8778");
        assertThat(options.quiet()).isTrue();
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void anUnknownKeyIsOneProblemAndTheRestStillApplies() {
        AgentOptions options = AgentOptions.parse("colour=blue,window=30s");

        assertThat(options.problems()).containsExactly(
                "unknown option \"colour\" ignored; accepted: leakThreshold, window, jolokia, quiet");
        assertThat(options.window()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aBadValueKeepsTheDefault() {
        AgentOptions options = AgentOptions.parse("window=soon,leakThreshold=-5s");

        assertThat(options.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.leakThreshold()).isEmpty();
        assertThat(options.problems()).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).startsWith("window=soon is not a duration"))
                .anySatisfy(problem -> assertThat(problem).startsWith("leakThreshold=-5s is not a duration"));
    }

    @Test
    void aZeroWindowIsRefusedAndAZeroLeakThresholdMeansOff() {
        AgentOptions options = AgentOptions.parse("window=0,leakThreshold=0");

        assertThat(options.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.leakThreshold()).isEmpty();
        assertThat(options.problems()).containsExactly("window=0 must be positive; using PT1M");
    }

    @Test
    void aKeyWithoutValueIsAProblem() {
        assertThat(AgentOptions.parse("window").problems())
                .containsExactly("option window needs a value, as in window=...; ignored");
    }

    @Test
    void durationsTakeCompoundUnits() {
        assertThat(AgentDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AgentDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(AgentDurations.parse("0")).isZero();
    }
}
