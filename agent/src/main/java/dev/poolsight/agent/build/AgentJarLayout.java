package dev.poolsight.agent.build;

import dev.poolsight.agent.AgentClassLoader;
import dev.poolsight.agent.BootstrapClasses;
import dev.poolsight.agent.ClassPack;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * Runs when the agent is built, never in an application: lays out the shaded agent jar as the agent needs it. What
 * the JVM and the woven pools must reach stays at the jar's root (the entry points, the hooks and the recorders
 * they feed, the licences); every other class moves into the hidden {@link ClassPack} and every other resource under
 * {@code inst/}, where only {@link AgentClassLoader} finds them. The classes the bootstrap class loader needs are
 * also packed into one hidden entry, {@link BootstrapClasses#LIST}, in the order they can be defined.
 *
 * <pre>
 * AgentJarLayout SHADED_JAR OUTPUT_TIMESTAMP
 * </pre>
 *
 * The jar is rewritten in place, its entries sorted and stamped with {@code OUTPUT_TIMESTAMP} (Maven's
 * {@code project.build.outputTimestamp}), so that the same sources always make the same bytes.
 */
public final class AgentJarLayout {

    /** The only entries an application's class loader or the bootstrap class loader can find. */
    static final List<String> VISIBLE = List.of(
            "META-INF/MANIFEST.MF",
            "META-INF/LICENSE",
            "META-INF/NOTICE",
            "META-INF/licenses/",
            "dev/poolsight/agent/AgentEntry.class",
            "dev/poolsight/agent/AgentClassLoader.class",
            "dev/poolsight/agent/ClassPack.class",
            "dev/poolsight/agent/AttachMain.class",
            "dev/poolsight/agent/bootstrap/",
            "dev/poolsight/agent/shaded/hdrhistogram/");

    private AgentJarLayout() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: AgentJarLayout SHADED_JAR OUTPUT_TIMESTAMP");
        }
        Path jar = Path.of(args[0]);
        FileTime stamp = FileTime.from(Instant.parse(args[1]));
        Path laidOut = jar.resolveSibling(jar.getFileName() + ".layout");
        try (JarFile in = new JarFile(jar.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(laidOut))) {
            Manifest manifest = in.getManifest();
            write(out, JarFile.MANIFEST_NAME, stamp, manifest::write);
            List<JarEntry> entries = Collections.list(in.entries());
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            BootstrapClassList bootstrapClasses = new BootstrapClassList();
            ClassPackWriter hiddenClasses = new ClassPackWriter();
            for (JarEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().equals(JarFile.MANIFEST_NAME)) {
                    continue;
                }
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                String name = entry.getName();
                boolean isClass = name.endsWith(".class");
                if (isVisible(name)) {
                    if (isClass) {
                        bootstrapClasses.offer(name.substring(0, name.length() - ".class".length()), bytes);
                    }
                    write(out, name, stamp, stream -> stream.write(bytes));
                } else if (isClass) {
                    hiddenClasses.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'), bytes);
                } else {
                    write(out, AgentClassLoader.HIDDEN + name, stamp, stream -> stream.write(bytes));
                }
            }
            byte[] bootstrapPack = bootstrapClasses.pack();
            write(out, BootstrapClasses.LIST, stamp, stream -> stream.write(bootstrapPack));
            storeUncompressed(out, ClassPack.ENTRY, stamp, hiddenClasses.pack());
        }
        Files.move(laidOut, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Whether an entry of the shaded jar stays where the application's and the bootstrap class loader see it. */
    static boolean isVisible(String name) {
        for (String visible : VISIBLE) {
            if (visible.endsWith("/") ? name.startsWith(visible) : name.equals(visible)) {
                return true;
            }
        }
        return false;
    }

    /** Stored, so that the agent can skip to one class in it without inflating what comes before. */
    private static void storeUncompressed(JarOutputStream out, String name, FileTime stamp, byte[] bytes)
            throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(stamp);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    private static void write(JarOutputStream out, String name, FileTime stamp, Content content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setLastModifiedTime(stamp);
        out.putNextEntry(entry);
        content.writeTo(out);
        out.closeEntry();
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
