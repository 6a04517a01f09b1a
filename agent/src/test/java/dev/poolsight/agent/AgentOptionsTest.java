package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.agent.jolokia.JolokiaCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                + "window, jolokia, quiet, jolokiaUser, jolokiaPasswordFile, jolokiaPassword, prometheus, prometheusUser, "
                + "prometheusPasswordFile, redisCommands");
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
    void redisCommandsAreTimedUnlessTurnedOff() {
        assertThat(AgentOptions.parse(null).redisCommands()).isTrue();
        assertThat(AgentOptions.parse("redisCommands").redisCommands()).isTrue();
        assertThat(AgentOptions.parse("redisCommands=false").redisCommands()).isFalse();
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseKeepsItsDefault() {
        AgentOptions options = AgentOptions.parse("redisCommands=no,quiet=yes");

        assertThat(options.redisCommands()).isTrue();
        assertThat(options.quiet()).isFalse();
        assertThat(options.problems()).containsExactlyInAnyOrder("redisCommands=no is not true or false; using true",
                "quiet=yes is not true or false; using false");
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
    }

    @Test
    void aPasswordOnTheCommandLineIsWarnedAbout() {
        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPassword=s3cret");

        assertThat(options.problems()).containsExactly("warning: jolokiaPassword is on the command line, where ps "
                + "shows it to every user of this machine; use jolokiaPasswordFile=PATH");
    }

    @Test
    void thePasswordComesFromAFileWithoutItsLineBreak(@TempDir Path directory) throws Exception {
        Path file = privateFile(directory, "s3cret\n");

        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPasswordFile=" + file);

        assertThat(options.jolokiaCredentials()).contains(new JolokiaCredentials("ops", "s3cret"));
        assertThat(options.problems()).isEmpty();
    }

    @Test
    void aPasswordFileOthersCanReadWorksWithAWarning(@TempDir Path directory) throws Exception {
        Path file = privateFile(directory, "s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPasswordFile=" + file);

        assertThat(options.jolokiaCredentials()).isPresent();
        assertThat(options.problems()).containsExactly("warning: jolokiaPasswordFile=" + file
                + " can be read by other users of this machine; chmod 600 it");
    }

    @Test
    void aMissingPasswordFileKeepsJolokiaFromStarting(@TempDir Path directory) {
        Path missing = directory.resolve("nowhere");

        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPasswordFile=" + missing);

        assertThat(options.jolokia()).isEmpty();
        assertThat(options.problems()).first().isEqualTo("jolokiaPasswordFile=" + missing
                + " cannot be read (NoSuchFileException)");
    }

    @Test
    void anEmptyPasswordFileKeepsJolokiaFromStarting(@TempDir Path directory) throws Exception {
        Path file = privateFile(directory, "\n");

        AgentOptions options = AgentOptions.parse("jolokia=8778,jolokiaUser=ops,jolokiaPasswordFile=" + file);

        assertThat(options.jolokia()).isEmpty();
        assertThat(options.problems()).first().isEqualTo("jolokiaPasswordFile=" + file
                + " is empty; its first line must be the password");
    }

    private static Path privateFile(Path directory, String content) throws IOException {
        Path file = Files.writeString(directory.resolve("jolokia-password"), content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void noJolokiaCredentialsMeansNoAuthentication() {
        assertThat(AgentOptions.parse("jolokia=8778").jolokiaCredentials()).isEmpty();
    }

    @Test
    void halfTheCredentialsKeepJolokiaFromStarting() {
        for (String half : new String[] {"jolokiaUser=ops", "jolokiaPasswordFile=/nonexistent/password",
                "jolokiaUser=ops,jolokiaPassword="}) {
            AgentOptions options = AgentOptions.parse("jolokia=8778," + half);

            assertThat(options.jolokia()).as(half).isEmpty();
            assertThat(options.jolokiaCredentials()).as(half).isEmpty();
            assertThat(options.problems()).as(half).contains("jolokiaUser and a password (jolokiaPasswordFile or "
                    + "jolokiaPassword) go together, and neither may be empty; Jolokia not started");
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
