package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * What of Jolokia the shaded agent jar holds: relocated, hidden from every class loader but the agent's, and only
 * the parts a read-only endpoint needs. Entries are named here as the agent's class loader sees them.
 */
class JolokiaAgentJarIT {

    private static final String JOLOKIA = "dev/poolsight/agent/shaded/jolokia/";

    @Test
    void holdsNoPartOfTheJsr160Proxy() throws Exception {
        assertThat(entries()).noneMatch(name -> name.toLowerCase().contains("jsr160"));
    }

    @Test
    void holdsOnlyTheJmxAndSerializerServices() throws Exception {
        assertThat(entries()).filteredOn(name -> name.startsWith(JOLOKIA + "service/") && name.endsWith(".class"))
                .isNotEmpty()
                .allMatch(name -> name.startsWith(JOLOKIA + "service/jmx/") || name.startsWith(JOLOKIA + "service/serializer/"));
    }

    @Test
    void holdsNoServerDetectors() throws Exception {
        assertThat(entries()).noneMatch(name -> name.startsWith(JOLOKIA + "server/detector/"));
    }

    @Test
    void holdsJolokiaRelocatedOnly() throws Exception {
        assertThat(entries()).contains(JOLOKIA + "jvmagent/JolokiaServer.class")
                .noneMatch(name -> name.startsWith("org/jolokia/"));
    }

    @Test
    void holdsNoJolokiaDescriptorNamingUnrelocatedClasses() throws Exception {
        assertThat(entries()).noneMatch(name -> name.startsWith("META-INF/jolokia/"));
    }

    @Test
    void holdsJolokiaHiddenOnly() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            assertThat(jar.stream().map(JarEntry::getName)).filteredOn(name -> name.contains("jolokia"))
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("inst/"));
        }
    }

    private static List<String> entries() throws Exception {
        return AgentJar.entriesAsTheAgentSeesThem();
    }
}
