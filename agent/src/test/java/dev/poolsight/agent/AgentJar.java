package dev.poolsight.agent;

import java.io.IOException;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The entries of the built agent jar. */
final class AgentJar {

    static final String HIDDEN = "inst/";
    static final String CLASS_DATA = ".classdata";

    private AgentJar() {
    }

    static List<String> entries() throws IOException {
        try (JarFile jar = new JarFile(HostJvm.AGENT_JAR.toFile())) {
            return jar.stream().map(JarEntry::getName).toList();
        }
    }

    /** The entries as the agent's class loader sees them: a hidden class is {@code name.class} again. */
    static List<String> entriesAsTheAgentSeesThem() throws IOException {
        return entries().stream().map(AgentJar::unhidden).toList();
    }

    private static String unhidden(String name) {
        if (!name.startsWith(HIDDEN)) {
            return name;
        }
        String inside = name.substring(HIDDEN.length());
        return inside.endsWith(CLASS_DATA)
                ? inside.substring(0, inside.length() - CLASS_DATA.length()) + ".class"
                : inside;
    }
}
