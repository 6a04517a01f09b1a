package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.agent.jolokia.JolokiaCredentials;
import java.nio.file.Path;
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

        assertThat(options.problems()).containsExactly("unknown option \"colour\" ignored; accepted: leakThreshold, "
                + "window, jolokia, quiet, jolokiaUser, jolokiaPassword, prometheus, prometheusUser, prometheusPasswordFile");
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
    void jolokiaCredentialsComeAsAPair() {
        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPassword=s3=cret");

        assertThat(options.jolokia()).contains("8778");
        assertThat(options.jolokiaCredentials()).contains(new JolokiaCredentials("ops", "s3=cret"));
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void noJolokiaCredentialsMeansNoAuthentication() {
        assertThat(AgentOptions.parse("jolokia=8778").jolokiaCredentials()).isEmpty();
    }

    @Test
    void halfTheCredentialsKeepJolokiaFromStarting() {
        for (String half : new String[] {"jolokiaUser=ops", "jolokiaPassword=s3cret", "jolokiaUser=ops,jolokiaPassword="}) {
            AgentOptions options = AgentOptions.parse("jolokia=8778," + half);

            assertThat(options.jolokia()).as(half).isEmpty();
            assertThat(options.jolokiaCredentials()).as(half).isEmpty();
            assertThat(options.problems()).as(half).containsExactly(
                    "jolokiaUser and jolokiaPassword go together, and neither may be empty; Jolokia not started");
        }
    }

    @Test
    void aBadJolokiaOptionNeverPrintsThePassword() {
        AgentOptions options = AgentOptions.parse("jolokiaPassword=s3cret,jolokiaUser");

        assertThat(options.problems()).isNotEmpty().noneMatch(problem -> problem.contains("s3cret"));
    }

    @Test
    void durationsTakeCompoundUnits() {
        assertThat(AgentDurations.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(AgentDurations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(AgentDurations.parse("0")).isZero();
    }

    @Test
    void thePrometheusEndpointTakesAnAddressAndAPasswordFile() {
        AgentOptions options = AgentOptions.parse("prometheus=9464,prometheusUser=scraper,prometheusPasswordFile=/etc/pw");

        assertThat(options.prometheus()).hasValueSatisfying(prometheus -> {
            assertThat(prometheus.address()).isEqualTo("9464");
            assertThat(prometheus.user()).contains("scraper");
            assertThat(prometheus.passwordFile()).contains(Path.of("/etc/pw"));
        });
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void aPrometheusUserWithoutPasswordFileKeepsTheEndpointClosed() {
        AgentOptions options = AgentOptions.parse("prometheus=9464,prometheusUser=scraper");

        assertThat(options.prometheus()).isEmpty();
        assertThat(options.problems()).containsExactly("prometheusUser and prometheusPasswordFile go together, and "
                + "neither may be empty; the Prometheus endpoint not started");
    }
}
