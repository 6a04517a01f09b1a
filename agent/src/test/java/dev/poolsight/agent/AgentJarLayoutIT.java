package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The built agent jar as the JVM and an application see it: at its root only the entry points, the hooks and the
 * recorders they feed (relocated, with their relocated HdrHistogram) and the licences; everything else hidden under
 * {@code inst/}; no build-time tool; one timestamp on every entry, so that a rebuild makes the same bytes.
 */
class AgentJarLayoutIT {

    private static final List<String> ROOT = List.of("META-INF/MANIFEST.MF", "META-INF/LICENSE", "META-INF/NOTICE",
            "META-INF/licenses/", "dev/poolsight/agent/AgentEntry.class", "dev/poolsight/agent/AgentClassLoader.class",
            "dev/poolsight/agent/AttachMain.class", "dev/poolsight/agent/ClassPack.class",
            "dev/poolsight/agent/bootstrap/", "dev/poolsight/agent/shaded/hdrhistogram/");

    @Test
    void onlyTheHooksAndTheirRecordersAreVisibleAtTheRoot() throws Exception {
        assertThat(AgentJar.entries()).filteredOn(name -> !name.startsWith(AgentJar.HIDDEN))
                .isNotEmpty()
                .allMatch(name -> ROOT.stream().anyMatch(root -> root.endsWith("/") ? name.startsWith(root) : name.equals(root)),
                        "a root entry the agent needs visible");
    }

    @Test
    void everyOtherClassIsHiddenInTheClassPack() throws Exception {
        assertThat(AgentJar.entries()).filteredOn(name -> name.startsWith(AgentJar.HIDDEN))
                .noneMatch(name -> name.endsWith(".class"))
                .contains(ClassPack.ENTRY, "inst/version.properties");
        assertThat(AgentJar.packedClasses()).contains(
                "dev.poolsight.agent.PoolsightAgent",
                "dev.poolsight.agent.shaded.bytebuddy.ByteBuddy",
                "dev.poolsight.agent.mbeans.PoolMBeans")
                .noneMatch(name -> name.startsWith("dev.poolsight.agent.bootstrap."));
    }

    /** The JVM reads every entry's name when it opens the jar, before premain: the fewer, the sooner it starts. */
    @Test
    void holdsFewEntries() throws Exception {
        assertThat(AgentJar.entries()).hasSizeLessThan(400);
    }

    @Test
    void theClassPackIsStoredSoThatOneClassIsReadWithoutTheOthers() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            assertThat(jar.getJarEntry(ClassPack.ENTRY).getMethod()).isEqualTo(ZipEntry.STORED);
            ClassPack pack = ClassPack.of(jar);
            byte[] classFile = pack.classFile("dev.poolsight.agent.PoolsightAgent");
            assertThat(classFile).startsWith(0xCA, 0xFE, 0xBA, 0xBE);
            assertThat(pack.classFile("dev.poolsight.agent.NoSuchClass")).isNull();
        }
    }

    @Test
    void theRecordersAreRelocatedSoThatAnApplicationKeepsItsOwn() throws Exception {
        assertThat(AgentJar.entries()).contains("dev/poolsight/agent/bootstrap/jmx/PoolRecorder.class")
                .noneMatch(name -> name.startsWith("dev/poolsight/jmx/"))
                .noneMatch(name -> name.startsWith("org/"))
                .noneMatch(name -> name.startsWith("net/"));
    }

    @Test
    void carriesNoBuildTool() throws Exception {
        assertThat(AgentJar.entriesAsTheAgentSeesThem())
                .noneMatch(name -> name.contains("PrewovenClassesGenerator"))
                .noneMatch(name -> name.startsWith("dev/poolsight/agent/build/"));
    }

    @Test
    void theNoticeNamesEveryProjectWhoseCodeTheJarCarries() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            String notice = new String(jar.getInputStream(jar.getJarEntry("META-INF/NOTICE")).readAllBytes(),
                    StandardCharsets.UTF_8);
            String license = new String(jar.getInputStream(jar.getJarEntry("META-INF/LICENSE")).readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(notice).contains("Byte Buddy", "Jolokia", "Prometheus", "Apache Commons Pool", "HdrHistogram");
            assertThat(license).contains("Apache License", "Byte Buddy", "Jolokia", "Prometheus", "HdrHistogram",
                    "Commons Pool", "ASM");
            assertThat(jar.getJarEntry("META-INF/licenses/ASM")).isNotNull();
            assertThat(jar.getJarEntry("META-INF/licenses/HdrHistogram")).isNotNull();
        }
    }

    @Test
    void everyEntryCarriesTheBuildsFixedTimestamp() throws Exception {
        FileTime stamp = FileTime.from(Instant.parse(System.getProperty("poolsight.build.timestamp")));
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            assertThat(jar.stream().map(JarEntry::getLastModifiedTime)).containsOnly(stamp);
        }
    }
}
