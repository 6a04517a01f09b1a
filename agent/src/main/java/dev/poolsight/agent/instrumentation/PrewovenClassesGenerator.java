package dev.poolsight.agent.instrumentation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Runs when the agent is built, not in an application: weaves the pool classes of every Commons Pool jar in a
 * directory and writes them where {@link PrewovenClasses} finds them.
 *
 * <pre>
 * PrewovenClassesGenerator OUTPUT_DIRECTORY COMMONS_POOL_JARS_DIRECTORY
 * </pre>
 */
public final class PrewovenClassesGenerator {

    private PrewovenClassesGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Path directory = Files.createDirectories(output.resolve(PrewovenClasses.DIRECTORY));
        try (Stream<Path> stale = Files.list(directory)) {
            for (Path file : (Iterable<Path>) stale::iterator) {
                Files.delete(file);
            }
        }
        PoolWeaver weaver = new PoolWeaver(ClassFileLocator.ForClassLoader.of(PoolAdvice.class.getClassLoader()));
        List<Path> releases;
        try (Stream<Path> files = Files.list(Path.of(args[1]))) {
            releases = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        if (releases.isEmpty()) {
            throw new IllegalArgumentException(args[1] + " holds no Commons Pool jar to weave");
        }
        for (Path release : releases) {
            try (JarFile jar = new JarFile(release.toFile())) {
                ClassFileLocator surroundings = new ClassFileLocator.Compound(
                        new ClassFileLocator.ForJarFile(jar), ClassFileLocator.ForClassLoader.ofSystemLoader());
                for (String internalName : CommonsPoolInstrumentation.WOVEN_INTERNAL) {
                    JarEntry entry = jar.getJarEntry(internalName + ".class");
                    if (entry == null) {
                        throw new IllegalArgumentException(release + " has no " + internalName);
                    }
                    byte[] original;
                    try (InputStream in = jar.getInputStream(entry)) {
                        original = in.readAllBytes();
                    }
                    byte[] woven = weaver.weave(internalName, original, surroundings);
                    String name = PrewovenClasses.entryName(original);
                    Files.write(output.resolve(name + PrewovenClasses.ORIGINAL), original);
                    Files.write(output.resolve(name + PrewovenClasses.WOVEN), woven);
                }
            }
            System.out.println("[poolsight] pool classes of " + release.getFileName() + " woven ahead");
        }
    }
}
