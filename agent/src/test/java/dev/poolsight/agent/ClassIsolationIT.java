package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With the agent attached, an application keeps its own libraries and resources and never reaches the agent's: the
 * agent's Byte Buddy, Jolokia, weaver and MBeans live in its own class loader, hidden in the jar.
 */
class ClassIsolationIT {

    private static final String HOST = "dev.poolsight.agent.host.ClassPathHost";

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void anApplicationWithoutTheseLibrariesGetsNoneOfTheAgents(String version, Path java) throws Exception {
        HostJvm.requireInstalled(version, java);
        HostJvm.Result result = HostJvm.on(java).withAgent("quiet").classPath(null).main(HOST).finish();

        assertThat(result.get("versionProperties")).isEqualTo("none");
        assertThat(result.get("jolokiaDefaults")).isEqualTo("null");
        assertThat(result.get("byteBuddy")).isEqualTo("absent");
        assertThat(result.get("hdrHistogram")).isEqualTo("absent");
        for (String hidden : HostJvm.agentPrivateClasses()) {
            assertThat(result.get("agent." + hidden)).as(hidden).isEqualTo("absent");
        }
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void theJvmKeepsClassDataSharing(String version, Path java) throws Exception {
        HostJvm.requireInstalled(version, java);

        HostJvm.Result result = HostJvm.on(java).withAgent("").classPath(null).main(HOST).finish();

        assertThat(result.stderr()).contains("[poolsight] agent started")
                .doesNotContain("Sharing is only supported for boot loader classes");
    }

    @ParameterizedTest(name = "Java {0}")
    @MethodSource("dev.poolsight.agent.HostJvm#jdks")
    void anApplicationWithItsOwnLibrariesKeepsThem(String version, Path java, @TempDir Path resources) throws Exception {
        HostJvm.requireInstalled(version, java);
        Files.writeString(resources.resolve("version.properties"), "owner=the application\n");

        HostJvm.Result result = HostJvm.on(java).withAgent("quiet").classPath("own-libraries", resources)
                .main(HOST).finish();

        assertThat(result.get("versionProperties")).isEqualTo("owner=the application");
        assertThat(result.get("byteBuddy")).isEqualTo("byte-buddy-1.14.19.jar");
        assertThat(result.get("hdrHistogram")).startsWith("HdrHistogram-");
    }
}
