package dev.poolsight.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.poolsight.testkit.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard and the alert rules on a real Prometheus that scrapes the real agent in a child JVM, where core's
 * Jedis pool (4 connections, REDIS_POOL_TIMEOUT 50ms) serves two workers writing to a real Redis and core's token
 * counter counts what they write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePrometheusIT {

    /** What Grafana puts for $__rate_interval at this scrape interval is smaller; a minute holds enough samples. */
    private static final String RATE_INTERVAL = "1m";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private ChildJvm host;
    private PrometheusServer prometheus;
    private String target;
    private Path work;

    @BeforeAll
    void startTheApplicationAndPrometheus(@TempDir Path work) throws Exception {
        this.work = work;
        PrometheusBinaries.prometheus();
        TestRedis redis = TestRedis.get();
        int port = FreePort.find();
        target = "127.0.0.1:" + port;
        host = ChildJvm.start("prometheus=" + port + ",leakThreshold=30s,redisCommands", Map.of(
                "REDIS_URL", "redis://" + redis.host() + ":" + redis.port(),
                "REDIS_POOL_SIZE", "4",
                "REDIS_POOL_TIMEOUT", "50ms",
                "REDIS_MAX_IDLE_CONNS", "2"), "serve");
        host.awaitLine("READY");
        prometheus = PrometheusServer.scraping(target, work);
        Awaitility.await("the agent's pool in Prometheus").atMost(PATIENCE).ignoreExceptions()
                .until(() -> !prometheus.query("poolsight_pool_borrows_total{job=\"poolsight\"}").isEmpty());
    }

    @AfterAll
    void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
        if (host != null) {
            host.send("STOP");
            host.finish();
        }
    }

    @Test
    void everyQueryOfTheDashboardReturnsData() throws Exception {
        Map<String, String> variables = Map.of("__rate_interval", RATE_INTERVAL, "job", PrometheusServer.JOB,
                "instance", target, "pool", ".+");
        for (String expression : Dashboard.read(GrafanaFiles.DASHBOARD).expressions()) {
            String promql = Dashboard.substitute(expression, variables);
            Awaitility.await(promql).atMost(PATIENCE).ignoreExceptions()
                    .untilAsserted(() -> assertThat(finiteValues(prometheus.query(promql))).isNotEmpty());
        }
    }

    @Test
    void theVariablesFindTheJobTheInstanceAndThePool() throws Exception {
        JsonNode agents = prometheus.series("poolsight_agent_info");
        assertThat(PrometheusServer.labelValues(agents, "job")).contains(PrometheusServer.JOB);
        assertThat(PrometheusServer.labelValues(prometheus.series("poolsight_agent_info{job=~\"poolsight\"}"), "instance"))
                .containsExactly(target);
        assertThat(PrometheusServer.labelValues(
                prometheus.series("poolsight_pool_borrows_total{job=~\"poolsight\",instance=~\"" + target + "\"}"), "pool"))
                .hasSize(1);
    }

    @Test
    void theQueryOfEveryAlertReturnsData() throws Exception {
        for (AlertRules.Alert alert : AlertRules.read(GrafanaFiles.RULES)) {
            Awaitility.await(alert.name()).atMost(PATIENCE).ignoreExceptions()
                    .untilAsserted(() -> assertThat(finiteValues(prometheus.query(alert.query()))).isNotEmpty());
        }
    }

    @Test
    void everyMetricTheDashboardAndTheRulesNameIsInARealScrape() throws Exception {
        Set<String> named = new LinkedHashSet<>();
        Dashboard dashboard = Dashboard.read(GrafanaFiles.DASHBOARD);
        dashboard.expressions().forEach(expression -> named.addAll(Dashboard.metrics(expression)));
        dashboard.variables().forEach(variable -> named.addAll(Dashboard.metrics(variable.path("definition").asText())));
        AlertRules.read(GrafanaFiles.RULES).forEach(alert -> named.addAll(Dashboard.metrics(alert.expression())));
        Set<String> scraped = sampleNames(scrape("text/plain"));

        assertThat(scraped).containsAll(named);
    }

    @Test
    void anExhaustedPoolFiresTheAlertAndCountsEveryErrorTheApplicationCaught() throws Exception {
        host.send("EXHAUST 5");
        long caught = Long.parseLong(host.awaitLine("CAUGHT ").substring("CAUGHT ".length()));
        assertThat(caught).isGreaterThanOrEqualTo(5);

        Awaitility.await("poolsight_pool_exhaustions_total = " + caught).atMost(PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(values(prometheus.query(
                        "sum(poolsight_pool_exhaustions_total{job=\"poolsight\"})"))).containsExactly((double) caught));
        Awaitility.await("PoolsightPoolExhausted pending or firing").atMost(PATIENCE).ignoreExceptions()
                .untilAsserted(() -> assertThat(prometheus.alerts()).anySatisfy(alert -> {
                    assertThat(alert.path("labels").path("alertname").asText()).isEqualTo("PoolsightPoolExhausted");
                    assertThat(alert.path("state").asText()).isIn("pending", "firing");
                    assertThat(alert.path("labels").path("instance").asText()).isEqualTo(target);
                }));
    }

    @Test
    void promtoolFindsNothingToSayAboutARealScrape() throws Exception {
        Promtool.Outcome outcome = Promtool.run(work, scrape("text/plain; version=0.0.4"), "check", "metrics");

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(outcome.output()).isEmpty();
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> answer = get("application/openmetrics-text; version=1.0.0");

        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/openmetrics-text"));
        assertThat(answer.body()).contains("# TYPE poolsight_pool_wait_seconds histogram").endsWith("# EOF\n");
    }

    private String scrape(String accept) throws Exception {
        HttpResponse<String> answer = get(accept);
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> get(String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> sampleNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        exposition.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        // A histogram is named by its family in queries, by its series in a scrape.
        Set<String> families = new LinkedHashSet<>(names);
        names.forEach(name -> families.add(name.replaceAll("_(bucket|count|sum)$", "")));
        return families;
    }

    private static List<Double> values(JsonNode result) {
        return StreamSupport.stream(result.spliterator(), false)
                .map(sample -> Double.parseDouble(sample.path("value").path(1).asText())).toList();
    }

    private static List<Double> finiteValues(JsonNode result) {
        return values(result).stream().filter(Double::isFinite).toList();
    }
}
