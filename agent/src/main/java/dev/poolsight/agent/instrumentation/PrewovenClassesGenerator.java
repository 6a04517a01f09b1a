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
 * Runs when the agent is built, not in an application: weaves the pool classes of every Commons Pool jar in one
 * directory and the command classes of every Jedis jar in another, and writes them where {@link PrewovenClasses}
 * finds them.
 *
 * <pre>
 * PrewovenClassesGenerator OUTPUT_DIRECTORY COMMONS_POOL_JARS_DIRECTORY JEDIS_JARS_DIRECTORY
 * </pre>
 */
public final class PrewovenClassesGenerator {

    private final Path output;

    private PrewovenClassesGenerator(Path output) {
        this.output = output;
    }

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Path directory = Files.createDirectories(output.resolve(PrewovenClasses.DIRECTORY));
        try (Stream<Path> stale = Files.list(directory)) {
            for (Path file : (Iterable<Path>) stale::iterator) {
                Files.delete(file);
            }
        }
        // The advice classes as the agent's class loader serves them: without the Jedis the build compiles against,
        // which is not on this class path either (provided scope).
        ClassFileLocator adviceLocator = ClassFileLocator.ForClassLoader.of(PoolAdvice.class.getClassLoader());
        PrewovenClassesGenerator generator = new PrewovenClassesGenerator(output);
        generator.weaveEach(Path.of(args[1]), "pool classes", CommonsPoolInstrumentation.WOVEN_INTERNAL,
                new ClassWeaver(new CommonsPoolWeaving(), adviceLocator));
        generator.weaveEach(Path.of(args[2]), "Jedis classes", JedisInstrumentation.WOVEN_INTERNAL,
                new ClassWeaver(new JedisWeaving(), adviceLocator));
    }

    /** Weaves the classes {@code wovenInternal} of every jar in {@code releases}, each of which must hold them all. */
    private void weaveEach(Path releases, String what, List<String> wovenInternal, ClassWeaver weaver)
            throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(releases)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException(releases + " holds no jar whose " + what + " to weave");
        }
        for (Path release : jars) {
            try (JarFile jar = new JarFile(release.toFile())) {
                ClassFileLocator surroundings = new ClassFileLocator.Compound(
                        new ClassFileLocator.ForJarFile(jar), ClassFileLocator.ForClassLoader.ofSystemLoader());
                for (String internalName : wovenInternal) {
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
            System.out.println("[poolsight] " + what + " of " + release.getFileName() + " woven ahead");
        }
    }
}
