package dev.poolsight.agent.host;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reports what the application class loader finds, with the agent attached: whose {@code version.properties},
 * Byte Buddy and HdrHistogram it gets, and whether any of the agent's own classes can be loaded from the
 * application. One {@code RESULT} line each.
 */
public final class ClassPathHost {

    /** Classes of the agent that must stay out of the application's reach. */
    public static final List<String> AGENT_PRIVATE = List.of(
            "dev.poolsight.agent.PoolsightAgent",
            "dev.poolsight.agent.instrumentation.ClassWeaver",
            "dev.poolsight.agent.mbeans.PoolMBeans",
            "dev.poolsight.agent.shaded.bytebuddy.ByteBuddy",
            "dev.poolsight.agent.shaded.jolokia.jvmagent.JolokiaServer",
            "dev.poolsight.agent.jolokia.server.ReadOnlyJolokiaServer");

    private ClassPathHost() {
    }

    public static void main(String[] args) throws Exception {
        HostReport.result("versionProperties", firstLine(ClassLoader.getSystemResource("version.properties")));
        HostReport.result("jolokiaDefaults", String.valueOf(ClassLoader.getSystemResource("default-jolokia-agent.properties")));
        HostReport.result("byteBuddy", origin("net.bytebuddy.ByteBuddy"));
        HostReport.result("hdrHistogram", origin("org.HdrHistogram.Histogram"));
        for (String name : AGENT_PRIVATE) {
            HostReport.result("agent." + name, origin(name));
        }
    }

    private static String firstLine(URL resource) throws Exception {
        if (resource == null) {
            return "none";
        }
        try (InputStream in = resource.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    /** The jar or directory a class comes from, "bootstrap" for the bootstrap class path, or "absent". */
    private static String origin(String className) {
        try {
            Class<?> type = Class.forName(className, false, ClassLoader.getSystemClassLoader());
            if (type.getClassLoader() == null) {
                return "bootstrap";
            }
            String location = type.getProtectionDomain().getCodeSource().getLocation().getPath();
            return location.substring(location.lastIndexOf('/', location.length() - 2) + 1);
        } catch (ClassNotFoundException | LinkageError e) {
            return "absent";
        }
    }
}
