package dev.poolsight.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes woven when the agent was built are exactly what weaving them at load time makes, for the Commons Pool
 * (2.11, 2.12, 2.13) and the Jedis (5.2, 6.2, 7.4) of each test host, each loaded beside the libraries of its host,
 * so that taking them from the jar changes nothing but the start-up time.
 */
class PrewovenClassesIT {

    private static final Path AGENT_JAR =
            Path.of(System.getProperty("poolsight.agent.jar", "target/poolsight-agent.jar"));
    private static final Path HOSTS = Path.of(System.getProperty("poolsight.hosts.dir", "target/hosts"));
    private static final List<String> PREWOVEN_HOSTS = List.of("jedis5", "jedis6", "jedis7");

    private final JarFile agentJar = open(AGENT_JAR);
    private final PrewovenClasses prewoven = new PrewovenClasses(agentJar);
    /** The advice classes as the agent's class loader serves them, which sees no Jedis. */
    private final ClassFileLocator adviceLocator = new ClassFileLocator.Filtering(
            name -> !name.startsWith("redis."), ClassFileLocator.ForClassLoader.of(PoolAdvice.class.getClassLoader()));

    @AfterEach
    void closeJar() throws IOException {
        agentJar.close();
    }

    static Stream<Arguments> wovenClassesOfEachHost() {
        return PREWOVEN_HOSTS.stream().flatMap(host -> Stream.of(
                Arguments.of(host, "commons-pool2-", CommonsPoolInstrumentation.WOVEN_INTERNAL),
                Arguments.of(host, "jedis-", JedisInstrumentation.WOVEN_INTERNAL)));
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("wovenClassesOfEachHost")
    void eachClassIsCarriedWovenAsTheLoadTimeWeaverWouldWeaveIt(String host, String library, List<String> woven)
            throws Exception {
        ClassWeaver weaver = new ClassWeaver(library.startsWith("jedis") ? new JedisWeaving() : new CommonsPoolWeaving(),
                adviceLocator);
        try (URLClassLoader loader = new URLClassLoader(jarsOf(host), null)) {
            for (String internalName : woven) {
                byte[] original = classFile(loader, internalName);

                byte[] atLoadTime = weaver.transform(null, loader, internalName, null, null, original);

                assertThat(atLoadTime).as("%s of %s woven at load time", internalName, host).isNotNull();
                assertThat(prewoven.lookup(original)).as("%s of %s in the agent jar", internalName, host)
                        .isEqualTo(atLoadTime);
            }
        }
    }

    @Test
    void aClassFileTheAgentWasNotBuiltForIsNotFound() throws Exception {
        byte[] changed;
        try (URLClassLoader loader = new URLClassLoader(jarsOf("jedis7"), null)) {
            changed = classFile(loader, JedisInstrumentation.WOVEN_INTERNAL.get(0));
        }
        changed[changed.length - 1] ^= 1;

        assertThat(prewoven.lookup(changed)).isNull();
    }

    private static byte[] classFile(ClassLoader loader, String internalName) throws IOException {
        try (var in = loader.getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        }
    }

    private static URL[] jarsOf(String host) throws IOException {
        try (Stream<Path> files = Files.list(HOSTS.resolve(host))) {
            return files.filter(file -> file.toString().endsWith(".jar")).map(PrewovenClassesIT::url).toArray(URL[]::new);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException(file.toString(), e);
        }
    }

    private static JarFile open(Path jar) {
        try {
            return new JarFile(jar.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("the agent jar " + jar + " is missing; run ./mvnw verify", e);
        }
    }
}
