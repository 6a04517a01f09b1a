package dev.poolsight.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.agent.PasswordFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void thePasswordIsTheFilesFirstLine() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret\n");

        assertThat(PrometheusCredentials.read("scraper", file)).isEqualTo(new PrometheusCredentials("scraper", "s3cret"));
    }

    @Test
    void aMissingFileIsNamedAndNothingOfItsContentShown() {
        Path file = dir.resolve("missing");

        assertThatThrownBy(() -> PrometheusCredentials.read("scraper", file))
                .hasMessage("prometheusPasswordFile=" + file + " cannot be read (NoSuchFileException)");
    }

    @Test
    void anEmptyPasswordIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "\n");

        assertThatThrownBy(() -> PrometheusCredentials.read("scraper", file)).hasMessageEndingWith("is empty; its first line must be the password");
    }

    @Test
    void aFileOthersCanReadIsWarnedAbout() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(PasswordFile.readableByOthers("prometheusPasswordFile", file)).contains("warning: "
                + "prometheusPasswordFile=" + file + " can be read by other users of this machine; chmod 600 it");
    }

    @Test
    void aFileOnlyItsOwnerCanReadIsNot() throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "s3cret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(PasswordFile.readableByOthers("prometheusPasswordFile", file)).isEmpty();
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new PrometheusCredentials("scraper", "s3cret").toString()).doesNotContain("s3cret");
    }
}
