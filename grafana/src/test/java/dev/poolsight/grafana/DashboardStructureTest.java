package dev.poolsight.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as Grafana's import and provisioning take it. That every query returns data, and every metric it
 * names is in a real scrape, is checked on a live Prometheus by {@link LivePrometheusIT}.
 */
class DashboardStructureTest {

    private final Dashboard dashboard = readDashboard();

    private static Dashboard readDashboard() {
        try {
            return Dashboard.read(GrafanaFiles.DASHBOARD);
        } catch (Exception e) {
            throw new AssertionError("dashboards/poolsight-pools.json is not valid JSON", e);
        }
    }

    @Test
    void theDataSourceIsAnImportInput() {
        JsonNode input = dashboard.root.path("__inputs").path(0);

        assertThat(input.path("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(input.path("type").asText()).isEqualTo("datasource");
        assertThat(input.path("pluginId").asText()).isEqualTo("prometheus");
        assertThat(dashboard.root.toString()).contains("${DS_PROMETHEUS}");
    }

    @Test
    void everyPanelHasADataSourceAndTargets() {
        for (JsonNode panel : dashboard.dataPanels()) {
            String title = panel.path("title").asText();
            assertThat(panel.path("datasource").path("uid").asText()).as("data source of %s", title).isEqualTo("${datasource}");
            assertThat(panel.path("targets")).as("targets of %s", title).isNotEmpty();
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("a query of %s", title).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText()).as("data source of a query of %s", title)
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void panelIdsAreUnique() {
        List<Integer> ids = dashboard.panels().stream().map(panel -> panel.path("id").asInt()).toList();

        assertThat(ids).doesNotHaveDuplicates().doesNotContain(0);
    }

    @Test
    void panelsDoNotOverlap() {
        List<JsonNode> panels = dashboard.panels();
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                assertThat(overlap(panels.get(i).path("gridPos"), panels.get(j).path("gridPos")))
                        .as("%s and %s overlap", panels.get(i).path("title"), panels.get(j).path("title")).isFalse();
            }
        }
    }

    @Test
    void everyVariableUsedIsDefined() {
        Set<String> defined = definedVariables();
        Set<String> used = new HashSet<>(Dashboard.referencedVariables(dashboard.root.path("panels").toString()));
        dashboard.variables().forEach(variable -> used.addAll(Dashboard.referencedVariables(variable.path("definition").asText())));
        used.removeAll(Dashboard.BUILT_IN);
        used.remove("DS_PROMETHEUS");

        assertThat(defined).containsAll(used);
    }

    @Test
    void everyVariableDefinedIsUsed() {
        String uses = dashboard.root.path("panels").toString() + dashboard.variables().stream()
                .map(variable -> variable.path("definition").asText()).collect(Collectors.joining("\n"));

        assertThat(definedVariables()).allSatisfy(name -> assertThat(Dashboard.referencedVariables(uses)).contains(name));
    }

    @Test
    void theVariablesAreDataSourceJobInstanceAndPool() {
        assertThat(definedVariables()).containsExactly("datasource", "job", "instance", "pool");
        assertThat(dashboard.variables().get(0).path("type").asText()).isEqualTo("datasource");
        assertThat(dashboard.variables().get(0).path("query").asText()).isEqualTo("prometheus");
    }

    @Test
    void everyQueryFiltersByJobAndInstance() {
        assertThat(dashboard.expressions()).allSatisfy(expression ->
                assertThat(expression).contains("job=~\"$job\"", "instance=~\"$instance\""));
    }

    private Set<String> definedVariables() {
        return dashboard.variables().stream().map(variable -> variable.path("name").asText())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
