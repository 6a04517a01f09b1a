package dev.poolsight.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The dashboard JSON, read as Grafana reads it: its panels, their queries and its variables. */
final class Dashboard {

    /** Grafana's own variables, which it defines itself. */
    static final Set<String> BUILT_IN = Set.of("__rate_interval", "__interval", "__range");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)");
    private static final Pattern METRIC = Pattern.compile("\\b(poolsight_[a-z_]+)");

    final JsonNode root;

    private Dashboard(JsonNode root) {
        this.root = root;
    }

    static Dashboard read(Path file) throws IOException {
        return new Dashboard(new ObjectMapper().readTree(file.toFile()));
    }

    /** Every panel, rows included, nested ones too. */
    List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : root.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The panels that draw data: all but rows. */
    List<JsonNode> dataPanels() {
        return panels().stream().filter(panel -> !panel.path("type").asText().equals("row")).toList();
    }

    /** The PromQL of every target of every panel, as written (with variables). */
    List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dataPanels()) {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        return expressions;
    }

    List<JsonNode> variables() {
        List<JsonNode> variables = new ArrayList<>();
        root.path("templating").path("list").forEach(variables::add);
        return variables;
    }

    /** The names of the variables the dashboard's queries and data sources refer to. */
    static Set<String> referencedVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The poolsight_ metric names {@code expression} uses, without a histogram's _bucket. */
    static Set<String> metrics(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** {@code expression} with each {@code $name} replaced as {@code values} says. */
    static String substitute(String expression, Map<String, String> values) {
        String result = expression;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = result.replace("$" + value.getKey(), value.getValue());
        }
        return result;
    }
}
