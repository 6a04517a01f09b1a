package dev.poolsight.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert rules and the shipped Prometheus config, as promtool checks them. */
class AlertRulesTest {

    @Test
    void theRulesAreValid() throws Exception {
        Promtool.Outcome outcome = Promtool.run(GrafanaFiles.DIR, null, "check", "rules", "alerts/poolsight-rules.yml");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS: 5 rules found");
    }

    @Test
    void everyAlertFiresAndStaysQuietAsItsUnitTestsSay() throws Exception {
        Promtool.Outcome outcome = Promtool.run(GrafanaFiles.RULE_TESTS.getParent(), null, "test", "rules",
                GrafanaFiles.RULE_TESTS.getFileName().toString());

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    }

    @Test
    void everyAlertHasAUnitTestThatFiresAndOneThatDoesNot() throws Exception {
        String tests = java.nio.file.Files.readString(GrafanaFiles.RULE_TESTS);
        List<AlertRules.Alert> alerts = AlertRules.read(GrafanaFiles.RULES);

        assertThat(alerts).extracting(AlertRules.Alert::name).containsExactly("PoolsightPoolUtilizationHigh",
                "PoolsightPoolWaitHigh", "PoolsightPoolExhausted", "PoolsightPoolLeakSuspects",
                "PoolsightTokenCounterFallingBack");
        for (AlertRules.Alert alert : alerts) {
            String name = "alertname: " + alert.name();
            assertThat(tests.split(name, -1).length - 1).as("unit tests of %s", alert.name()).isGreaterThanOrEqualTo(2);
            assertThat(tests).containsPattern(name + "\\s+exp_alerts: \\[]");
            assertThat(tests).containsPattern(name + "\\s+exp_alerts:\\s+- exp_labels:");
        }
    }

    @Test
    void theShippedPrometheusConfigIsValidAndLoadsTheRules() throws Exception {
        Promtool.Outcome outcome = Promtool.run(GrafanaFiles.DIR, null, "check", "config", "prometheus.yml");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).contains("SUCCESS: 1 rule files found");
    }
}
