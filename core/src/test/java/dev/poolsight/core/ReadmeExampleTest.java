package dev.poolsight.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedis;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, taken from the README itself, compiled and run in a JVM of its own against a real Redis. */
class ReadmeExampleTest {

    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- readme-example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path classes;

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        Matcher example = EXAMPLE.matcher(Files.readString(readme(), StandardCharsets.UTF_8));
        assertThat(example.find()).as("a readme-example block in README.md").isTrue();
        String className = example.group(1);
        Path source = classes.resolve(className + ".java");
        Files.writeString(source, example.group(2), StandardCharsets.UTF_8);
        String classPath = System.getProperty("java.class.path");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-classpath", classPath, source.toString());
        assertThat(compiled).as("javac's exit code").isZero();

        Path log = classes.resolve("output.txt");
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + classPath, className)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        java.environment().put("REDIS_URL", TestRedis.get().url());
        Process run = java.start();
        boolean exited = run.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(exited).as("the example ended within 60 s: " + output).isTrue();
        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("2 messages, \\d+ tokens");
    }

    /** README.md at the root of the checkout, above this module's directory. */
    private static Path readme() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.exists(candidate) && Files.exists(dir.resolve("core"))) {
                return candidate;
            }
        }
        throw new IOException("README.md not found above " + Path.of("").toAbsolutePath());
    }
}
