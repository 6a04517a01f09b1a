package dev.poolsight.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A real Prometheus on a free loopback port, with its own storage in a temporary folder, started from the shipped
 * grafana/prometheus.yml with the scrape and rule intervals at one second and the target set to the agent under
 * test; and a client of its HTTP API.
 */
final class PrometheusServer implements AutoCloseable {

    static final String JOB = "poolsight";

    private final Process process;
    private final String base;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private PrometheusServer(Process process, String base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    static PrometheusServer scraping(String target, Path workDir) throws IOException {
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, configFor(target));
        int port = FreePort.find();
        Path log = workDir.resolve("prometheus.log");
        Process process = new ProcessBuilder(PrometheusBinaries.prometheus().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port, log);
        Awaitility.await("Prometheus ready").atMost(Duration.ofMinutes(1)).ignoreExceptions()
                .until(() -> server.get("/-/ready").statusCode() == 200);
        return server;
    }

    /** The shipped config with one-second intervals, {@code target} as the agent and the rules by absolute path. */
    static String configFor(String target) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode config = (ObjectNode) yaml.readTree(GrafanaFiles.PROMETHEUS_CONFIG.toFile());
        ObjectNode global = (ObjectNode) config.path("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        config.putArray("rule_files").add(GrafanaFiles.RULES.toString());
        ObjectNode job = (ObjectNode) config.path("scrape_configs").path(0);
        if (!JOB.equals(job.path("job_name").asText())) {
            throw new AssertionError("grafana/prometheus.yml: expected job " + JOB + " first, got " + job);
        }
        ((ObjectNode) job.path("static_configs").path(0)).putArray("targets").add(target);
        return yaml.writeValueAsString(config);
    }

    /** The result vector of an instant query ({@code /api/v1/query}); fails if Prometheus says it is not valid. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return data("/api/v1/query?query=" + encode(promql)).path("result");
    }

    /** The series matching {@code selector} ({@code /api/v1/series}), as Grafana's label_values() reads them. */
    JsonNode series(String selector) throws IOException, InterruptedException {
        return data("/api/v1/series?match[]=" + encode(selector));
    }

    /** The alerts pending or firing now. */
    JsonNode alerts() throws IOException, InterruptedException {
        return data("/api/v1/alerts").path("alerts");
    }

    private JsonNode data(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(answer.path("status").asText())) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return answer.path("data");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** The values of {@code label} among {@code series}. */
    static List<String> labelValues(JsonNode series, String label) {
        return java.util.stream.StreamSupport.stream(series.spliterator(), false)
                .map(one -> one.path(label).asText()).filter(value -> !value.isEmpty()).distinct().toList();
    }
}
