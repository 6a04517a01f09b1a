package dev.poolsight.cli.source;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the agent jar, which the command attaches to other JVMs: the {@code poolsight.agent.jar} system property
 * (bin/poolsight sets it), else the jar this JVM was started with as {@code -javaagent}, else
 * {@code agent/target/poolsight-agent.jar} beside this command's own build.
 */
public final class AgentJar {

    public static final String PROPERTY = "poolsight.agent.jar";
    private static final String FILE_NAME = "poolsight-agent.jar";

    private AgentJar() {
    }

    public static Path find() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path jar = Path.of(property);
            if (!Files.isRegularFile(jar)) {
                throw new TargetException("-D" + PROPERTY + "=" + property + ": no such file; build the agent with "
                        + "./mvnw -B -pl agent -am package -DskipTests");
            }
            return jar;
        }
        return javaAgentOfThisJvm().or(AgentJar::besideThisBuild).orElseThrow(() -> new TargetException(
                "cannot find " + FILE_NAME + ": build it with ./mvnw -B -pl agent -am package -DskipTests, or set -D"
                        + PROPERTY + "=<path>"));
    }

    /** The agent jar this JVM was started with, when it was started with {@code -javaagent:...poolsight-agent.jar}. */
    public static Optional<Path> javaAgentOfThisJvm() {
        return javaAgentOptions(ManagementFactory.getRuntimeMXBean().getInputArguments())
                .map(arguments -> Path.of(arguments.split("=", 2)[0]));
    }

    /** What follows {@code -javaagent:} for the Poolsight agent: its path and, after {@code =}, its options. */
    public static Optional<String> javaAgentOptions(List<String> jvmArguments) {
        return jvmArguments.stream()
                .filter(argument -> argument.startsWith("-javaagent:"))
                .map(argument -> argument.substring("-javaagent:".length()))
                .filter(agent -> agent.split("=", 2)[0].endsWith(FILE_NAME))
                .findFirst();
    }

    /** From cli/target/poolsight.jar (or cli/target/classes) up to the project, then down to the agent's build. */
    private static Optional<Path> besideThisBuild() {
        try {
            Path directory = Path.of(AgentJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
                Path jar = directory.resolve("agent").resolve("target").resolve(FILE_NAME);
                if (Files.isRegularFile(jar)) {
                    return Optional.of(jar);
                }
            }
            return Optional.empty();
        } catch (URISyntaxException | RuntimeException noLocation) {
            return Optional.empty();
        }
    }
}
