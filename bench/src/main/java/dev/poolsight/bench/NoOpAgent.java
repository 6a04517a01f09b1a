package dev.poolsight.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * An agent whose {@code premain} returns at once: what any {@code -javaagent} costs a JVM before the agent does
 * anything (the JVM loads {@code java.instrument}, which turns off its archived module graph, and opens the jar),
 * so that {@link StartupFootprint} can tell that cost apart from Poolsight's own.
 */
public final class NoOpAgent {

    private NoOpAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        // Nothing: the point is what the JVM does before calling this.
    }

    /** A one-class agent jar, written once into a temporary file that is deleted at exit. */
    static Path jar() {
        try {
            Path jar = Files.createTempFile("poolsight-no-op-agent", ".jar");
            jar.toFile().deleteOnExit();
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().putValue("Premain-Class", NoOpAgent.class.getName());
            String classFile = NoOpAgent.class.getName().replace('.', '/') + ".class";
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                 InputStream in = NoOpAgent.class.getClassLoader().getResourceAsStream(classFile)) {
                out.putNextEntry(new JarEntry(classFile));
                in.transferTo(out);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the no-op agent's jar", e);
        }
    }
}
