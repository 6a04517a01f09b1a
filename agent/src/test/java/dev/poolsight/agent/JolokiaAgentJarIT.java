package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** What of Jolokia the shaded agent jar holds: relocated, and only the parts a read-only endpoint needs. */
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

    private static List<String> entries() throws Exception {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }
}
