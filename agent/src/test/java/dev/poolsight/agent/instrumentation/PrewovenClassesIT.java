package dev.poolsight.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pool classes woven when the agent was built are exactly what weaving them at load time makes, for the
 * Commons Pool of each test host (2.11, 2.12, 2.13), so that taking them from the jar changes nothing but the
 * start-up time.
 */
class PrewovenClassesIT {

    private static final Path AGENT_JAR =
            Path.of(System.getProperty("poolsight.agent.jar", "target/poolsight-agent.jar"));
    private static final Path HOSTS = Path.of(System.getProperty("poolsight.hosts.dir", "target/hosts"));

    private final JarFile agentJar = open(AGENT_JAR);
    private final PrewovenClasses prewoven = new PrewovenClasses(agentJar);
    private final PoolWeaver weaver =
            new PoolWeaver(ClassFileLocator.ForClassLoader.of(PoolAdvice.class.getClassLoader()));

    @AfterEach
    void closeJar() throws IOException {
        agentJar.close();
    }

    static Stream<Path> commonsPoolJars() throws IOException {
        try (Stream<Path> files = Files.walk(HOSTS)) {
            return files.filter(file -> file.getFileName().toString().startsWith("commons-pool2-")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("commonsPoolJars")
    void eachPoolClassIsCarriedWovenAsTheLoadTimeWeaverWouldWeaveIt(Path commonsPool) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {commonsPool.toUri().toURL()}, null)) {
            for (String internalName : CommonsPoolInstrumentation.WOVEN_INTERNAL) {
                byte[] original;
                try (var in = loader.getResourceAsStream(internalName + ".class")) {
                    original = in.readAllBytes();
                }

                byte[] atLoadTime = weaver.transform(null, loader, internalName, null, null, original);

                assertThat(atLoadTime).as("%s of %s woven at load time", internalName, commonsPool).isNotNull();
                assertThat(prewoven.lookup(original)).as("%s of %s in the agent jar", internalName, commonsPool)
                        .isEqualTo(atLoadTime);
            }
        }
    }

    @Test
    void aClassFileTheAgentWasNotBuiltForIsNotFound() throws Exception {
        Path commonsPool = commonsPoolJars().findFirst().orElseThrow();
        byte[] changed;
        try (JarFile jar = new JarFile(commonsPool.toFile())) {
            changed = jar.getInputStream(jar.getJarEntry(CommonsPoolInstrumentation.WOVEN_INTERNAL.get(0) + ".class"))
                    .readAllBytes();
        }
        changed[changed.length - 1] ^= 1;

        assertThat(prewoven.lookup(changed)).isNull();
    }

    private static JarFile open(Path jar) {
        try {
            return new JarFile(jar.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("the agent jar " + jar + " is missing; run ./mvnw verify", e);
        }
    }
}
