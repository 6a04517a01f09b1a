package dev.poolsight.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The alert rules file: each alert's name and expression. */
final class AlertRules {

    /** An alert's condition: a query compared with a threshold, as every Poolsight alert is written. */
    private static final Pattern CONDITION = Pattern.compile("(?s)(.*\\S)\\s*(>|<|>=|<=|==|!=)\\s*[0-9.]+\\s*");

    record Alert(String name, String expression) {

        /**
         * The query without its threshold: it returns data whenever the metrics are there, where the whole
         * condition returns data only while the alert is due.
         */
        String query() {
            Matcher matcher = CONDITION.matcher(expression);
            if (!matcher.matches()) {
                throw new AssertionError("alert " + name + ": expected <query> <comparison> <number>, got " + expression);
            }
            return matcher.group(1);
        }
    }

    private AlertRules() {
    }

    static List<Alert> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(new Alert(rule.path("alert").asText(), rule.path("expr").asText().trim()));
            }
        }
        return alerts;
    }
}
