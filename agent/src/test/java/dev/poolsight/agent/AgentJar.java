package dev.poolsight.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The entries of the built agent jar. */
final class AgentJar {

    static final String HIDDEN = "inst/";

    private AgentJar() {
    }

    static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }

    /** The classes in the jar's hidden {@link ClassPack}, by binary name. */
    static List<String> packedClasses() throws IOException {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            return ClassPack.of(jar).names();
        }
    }

    /** The entries as the agent's class loader sees them: hidden resources unhidden, packed classes as entries. */
    static List<String> entriesAsTheAgentSeesThem() throws IOException {
        List<String> seen = new ArrayList<>();
        for (String name : entries()) {
            if (!name.equals(ClassPack.ENTRY)) {
                seen.add(name.startsWith(HIDDEN) ? name.substring(HIDDEN.length()) : name);
            }
        }
        for (String packed : packedClasses()) {
            seen.add(packed.replace('.', '/') + ".class");
        }
        return seen;
    }
}
