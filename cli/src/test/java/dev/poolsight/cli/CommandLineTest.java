package dev.poolsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Mistakes on the command line and targets that cannot be reached: one line on stderr, exit 2 or 1, no stack trace. */
class CommandLineTest {

    @Test
    void anUnknownCommandIsAUsageError() {
        CommandRun run = CommandRun.of("size");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("size").contains("poolsight --help");
    }

    @Test
    void noCommandIsAUsageError() {
        CommandRun run = CommandRun.of();

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("load, top, advise or attach");
    }

    @Test
    void anUnknownFlagIsAUsageErrorThatNamesIt() {
        CommandRun run = CommandRun.of("load", "--thread", "4");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("--thread").contains("poolsight load --help");
    }

    @Test
    void aDurationWithoutAUnitIsAUsageErrorThatSaysWhatIsAccepted() {
        CommandRun run = CommandRun.of("load", "--duration", "30");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("--duration", "'30'", "unit");
    }

    @Test
    void aNegativeThreadCountIsAUsageError() {
        CommandRun run = CommandRun.of("load", "--threads", "0");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("--threads 0", "from 1");
    }

    @Test
    void aTargetThatIsNeitherPidNorUrlIsAUsageError() {
        CommandRun run = CommandRun.of("top", "localhost:8778");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString()
                .contains("localhost:8778", "process id", "http://127.0.0.1:8778/jolokia");
    }

    @Test
    void aJolokiaUrlNobodyAnswersIsOneErrorLine() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CommandRun run = CommandRun.of("advise", "http://127.0.0.1:" + closed, "--window", "1s");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_FAILURE);
        assertThat(run.err().lines()).singleElement().asString()
                .isEqualTo("poolsight: cannot reach Jolokia at http://127.0.0.1:" + closed + "/jolokia: connection refused");
    }

    @Test
    void aPidWithoutAJvmIsOneErrorLine() {
        CommandRun run = CommandRun.of("top", "2147483646", "--iterations", "1");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_FAILURE);
        assertThat(run.err().lines()).singleElement().asString().startsWith("poolsight: cannot attach to JVM 2147483646");
    }

    @Test
    void aPidThatIsNotANumberIsAUsageError() {
        CommandRun run = CommandRun.of("attach", "notapid");

        assertThat(run.exitCode()).isEqualTo(Poolsight.EXIT_USAGE);
        assertThat(run.err().lines()).singleElement().asString().contains("notapid", "PID");
    }
}
