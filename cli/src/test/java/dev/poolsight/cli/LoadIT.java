package dev.poolsight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolsight.testkit.TestRedis;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;

/** {@code poolsight load} in its own JVM with the agent attached, as bin/poolsight runs it, against a real Redis. */
class LoadIT {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestRedis redis = TestRedis.get();

    @TempDir
    Path binaries;

    @Test
    void summaryAgreesWithThePoolMBeanOnBorrowsAndExhaustions() throws Exception {
        JsonNode report = load(CliJvm.withAgent("quiet").env("REDIS_POOL_SIZE", "6").env("REDIS_POOL_TIMEOUT", "50ms"),
                "--duration", "3s", "--threads", "12");

        JsonNode client = report.path("client");
        JsonNode pool = report.path("pool");
        JsonNode tokens = report.path("tokenCounter");
        assertThat(client.path("succeeded").asLong()).isPositive();
        long operations = client.path("succeeded").asLong();
        long counted = tokens.path("completed").asLong();
        assertThat(pool.path("borrowCount").asLong())
                .as("every successful operation borrows once, and the exact token counts applied together once a batch")
                .isBetween(operations + Math.min(1, counted), operations + counted);
        assertThat(pool.path("exhaustionCount").asLong())
                .as("the operations that met an exhausted pool, and token counts that could not be applied")
                .isBetween(client.path("exhausted").asLong(),
                        client.path("exhausted").asLong() + tokens.path("errors").asLong());
        assertThat(client.path("failed").asLong()).isZero();
    }

    @Test
    void adviceOnAnUndersizedPoolIsALargerPoolBecauseOfTheExhaustion() throws Exception {
        JsonNode report = load(CliJvm.withAgent("quiet").env("REDIS_POOL_SIZE", "4").env("REDIS_POOL_TIMEOUT", "20ms"),
                "--duration", "4s", "--threads", "32");

        assertThat(report.path("pool").path("exhaustionCount").asLong()).isPositive();
        JsonNode size = recommendation(report, "REDIS_POOL_SIZE");
        assertThat(size.path("keep").asBoolean()).isFalse();
        assertThat(size.path("value").asInt()).isGreaterThan(4);
        assertThat(size.path("reason").asText()).contains("exhausted the pool (ExhaustionCount)");
    }

    @Test
    void adviceOnAnOversizedMostlyIdlePoolIsFewerIdleConnectionsAndASmallerPool() throws Exception {
        JsonNode report = load(CliJvm.withAgent("quiet").env("REDIS_POOL_SIZE", "100").env("REDIS_MAX_IDLE_CONNS", "50"),
                "--duration", "4s", "--threads", "4", "--rate", "50");

        JsonNode size = recommendation(report, "REDIS_POOL_SIZE");
        assertThat(size.path("value").asInt()).isLessThan(100);
        assertThat(size.path("reason").asText()).startsWith("smaller");
        JsonNode idle = recommendation(report, "REDIS_MAX_IDLE_CONNS");
        assertThat(idle.path("value").asInt()).isLessThan(50);
        assertThat(idle.path("reason").asText()).startsWith("fewer idle connections");
    }

    @Test
    void runOnTheServerOfRedisUrlLeavesNoKeysBehind() throws Exception {
        CliJvm.Result result = CliJvm.withAgent("quiet").env("REDIS_URL", redis.url())
                .start("load", "--duration", "2s", "--threads", "4").succeed(LIMIT);

        assertThat(result.stderr()).contains("the server of REDIS_URL");
        Matcher removed = Pattern.compile("removed the run's ([0-9]+) keys under (poolsight:load:[0-9a-f]+):\\*")
                .matcher(result.stderr());
        assertThat(removed.find()).as(result.stderr()).isTrue();
        assertThat(Long.parseLong(removed.group(1))).isPositive();
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            assertThat(jedis.scan(ScanParams.SCAN_POINTER_START, new ScanParams().match(removed.group(2) + ":*")
                    .count(100_000)).getResult()).isEmpty();
        }
        assertThat(result.stdout()).contains("borrows", "exhausted", "append latency", "export REDIS_POOL_SIZE=");
    }

    @Test
    void withoutRedisUrlNorRedisServerItRunsOnTheBundledRedis() throws Exception {
        CliJvm.Result result = CliJvm.withAgent("quiet").withoutEnv("REDIS_URL").env("PATH", pathWithOnlyUname().toString())
                .start("load", "--duration", "2s", "--threads", "2").succeed(LIMIT);

        assertThat(result.stderr()).contains("started for this run", "the binary bundled with embedded-redis");
        assertThat(result.stdout()).contains("throughput", "export REDIS_POOL_SIZE=");
    }

    @Test
    void aBadPoolSettingIsOneErrorLineThatNamesTheVariableAndItsValue() throws Exception {
        CliJvm.Result result = CliJvm.withAgent("quiet").env("REDIS_URL", redis.url()).env("REDIS_POOL_TIMEOUT", "30")
                .start("load", "--duration", "2s").finish(LIMIT);

        assertThat(result.exitCode()).isEqualTo(Poolsight.EXIT_FAILURE);
        assertThat(result.stderr().lines()).singleElement().asString().startsWith("poolsight: REDIS_POOL_TIMEOUT=\"30\"");
    }

    @Test
    void withPrometheusThePoolAndTokenCounterAreScrapedWhileTheRunLasts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (CliJvm run = CliJvm.withAgent("quiet,prometheus=" + port).env("REDIS_URL", redis.url())
                .start("load", "--duration", "1m", "--threads", "2", "--prometheus", Integer.toString(port))) {
            run.awaitStderr("[   1s]");
            HttpClient http = HttpClient.newHttpClient();
            URI metrics = URI.create("http://127.0.0.1:" + port + "/metrics");

            Awaitility.await("borrows scraped from " + metrics).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(http.send(HttpRequest.newBuilder(metrics).build(), BodyHandlers.ofString()).body())
                            .containsPattern("poolsight_pool_borrows_total\\{[^}]*poolsight-memory-redis-[^}]*\\} [1-9]")
                            .contains("poolsight_token_queue_depth{counter=\"poolsight-load\"}"));
        }
    }

    @Test
    void aRedisUrlNobodyAnswersIsOneErrorLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        CliJvm.Result result = CliJvm.withAgent("quiet").env("REDIS_URL", "redis://127.0.0.1:" + closed)
                .start("load", "--duration", "2s").finish(LIMIT);

        assertThat(result.exitCode()).isEqualTo(Poolsight.EXIT_FAILURE);
        assertThat(result.stderr().lines()).singleElement().asString()
                .startsWith("poolsight: the Redis of REDIS_URL (redis://127.0.0.1:" + closed + ") does not answer");
    }

    /** A PATH without redis-server; embedded-redis asks uname which of its binaries fits the machine. */
    private Path pathWithOnlyUname() throws IOException {
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            Path uname = Path.of(directory, "uname");
            if (Files.isExecutable(uname)) {
                Files.createSymbolicLink(binaries.resolve("uname"), uname);
                return binaries;
            }
        }
        throw new AssertionError("no uname on the PATH " + System.getenv("PATH"));
    }

    private JsonNode load(CliJvm jvm, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "load";
        System.arraycopy(args, 0, command, 1, args.length);
        command[command.length - 1] = "--json";
        CliJvm.Result result = jvm.env("REDIS_URL", redis.url()).start(command).succeed(LIMIT);
        JsonNode report = JSON.readTree(result.stdout());
        assertThat(report.path("pool").isObject()).as("the pool was measured; stderr:%n%s", result.stderr()).isTrue();
        return report;
    }

    private static JsonNode recommendation(JsonNode report, String variable) {
        for (JsonNode recommendation : report.path("advice").path(0).path("recommendations")) {
            if (recommendation.path("variable").asText().equals(variable)) {
                return recommendation;
            }
        }
        throw new AssertionError("no advice on " + variable + " in " + report.path("advice"));
    }
}
