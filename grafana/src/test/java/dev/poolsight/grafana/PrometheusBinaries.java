package dev.poolsight.grafana;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds Prometheus' {@code prometheus} and {@code promtool} binaries on the PATH (Debian's package puts them in
 * /usr/bin). Without them a test is skipped with a message saying so; under {@code CI=true}, where .ci/run installs
 * them, their absence fails it instead.
 */
final class PrometheusBinaries {

    private PrometheusBinaries() {
    }

    static Path prometheus() {
        return require("prometheus");
    }

    static Path promtool() {
        return require("promtool");
    }

    private static Path require(String name) {
        Optional<Path> found = onPath(name);
        String missing = "no " + name + " binary on the PATH; install Debian's package: apt-get install -y prometheus";
        if ("true".equals(System.getenv("CI"))) {
            return found.orElseThrow(() -> new AssertionError(missing + " (CI=true: a skip would hide the dashboards' tests)"));
        }
        assumeTrue(found.isPresent(), missing + "; skipped");
        return found.get();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
