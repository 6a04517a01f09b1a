package dev.poolsight.grafana;

import java.nio.file.Path;

/** The files of the grafana folder under test. */
final class GrafanaFiles {

    static final Path DIR = Path.of(System.getProperty("poolsight.grafana.dir", ".")).toAbsolutePath();
    static final Path DASHBOARD = DIR.resolve("dashboards/poolsight-pools.json");
    static final Path RULES = DIR.resolve("alerts/poolsight-rules.yml");
    static final Path RULE_TESTS = DIR.resolve("alerts/poolsight-rules.test.yml");
    static final Path PROMETHEUS_CONFIG = DIR.resolve("prometheus.yml");

    private GrafanaFiles() {
    }
}
