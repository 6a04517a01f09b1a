package dev.poolsight.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's Prometheus endpoint as an application meets it: what it does with bad options and a port in use (one
 * line on stderr, and the application runs on), where it listens, and whom it answers. Each test in a child JVM.
 */
class PrometheusEndpointIT {

    @TempDir
    Path dir;

    @Test
    void aBadPrometheusValueGivesOneLineOnStderrAndTheApplicationRunsOn() throws Exception {
        try (ChildJvm host = ChildJvm.start("prometheus=metrics", Map.of(), "work")) {
            String stdout = host.finish();

            assertThat(stdout).contains("RESULT work=500500");
            assertThat(prometheusLines(host)).containsExactly("[poolsight] Prometheus endpoint not started: "
                    + "prometheus=metrics: expected [host:]port, for example 9464, 127.0.0.1:9464 or 0.0.0.0:9464; "
                    + "the application runs on");
        }
    }

    @Test
    void aPortInUseGivesOneLineOnStderrAndTheApplicationRunsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ChildJvm host = ChildJvm.start("prometheus=" + taken.getLocalPort(), Map.of(), "work")) {
            String stdout = host.finish();

            assertThat(stdout).contains("RESULT work=500500");
            assertThat(prometheusLines(host)).singleElement().asString()
                    .startsWith("[poolsight] Prometheus endpoint not started: port " + taken.getLocalPort()
                            + " on 127.0.0.1 cannot be bound")
                    .endsWith("; the application runs on");
        }
    }

    @Test
    void itsThreadsDoNotKeepTheApplicationAlive() throws Exception {
        try (ChildJvm host = ChildJvm.start("prometheus=0", Map.of(), "work")) {
            assertThat(host.finish()).contains("RESULT work=500500");
            assertThat(prometheusLines(host)).singleElement().asString()
                    .startsWith("[poolsight] Prometheus metrics at http://127.0.0.1:");
        }
    }

    @Test
    void byDefaultItListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address to try");
        int port = FreePort.find();
        try (ChildJvm host = serving("prometheus=" + port)) {
            assertThat(get("127.0.0.1", port, null).statusCode()).isEqualTo(200);

            assertThatThrownBy(() -> get(other.get().getHostAddress(), port, null)).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void basicAuthenticationAsksForTheUserAndThePasswordFromTheFile() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        int port = FreePort.find();
        try (ChildJvm host = serving("prometheus=" + port + ",prometheusUser=scraper,prometheusPasswordFile=" + password)) {
            assertThat(get("127.0.0.1", port, null).statusCode()).isEqualTo(401);
            assertThat(get("127.0.0.1", port, "scraper:wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> answer = get("127.0.0.1", port, "scraper:s3cret-pw");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("poolsight_agent_info").doesNotContain("s3cret-pw");

            assertThat(host.stderr()).contains("basic authentication").doesNotContain("s3cret-pw");
        }
    }

    @Test
    void aPasswordFileOthersCanReadIsWarnedAboutWithoutShowingThePassword() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pw\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));
        try (ChildJvm host = ChildJvm.start("prometheus=0,prometheusUser=scraper,prometheusPasswordFile=" + password,
                Map.of(), "work")) {
            host.finish();

            assertThat(host.stderr()).contains("[poolsight] warning: prometheusPasswordFile=" + password
                    + " can be read by other users of this machine; chmod 600 it").doesNotContain("s3cret-pw");
        }
    }

    private static ChildJvm serving(String options) throws Exception {
        ChildJvm host = ChildJvm.start(options, Map.of(), "idle");
        host.awaitLine("READY");
        return host;
    }

    private static List<String> prometheusLines(ChildJvm host) {
        return host.stderr().lines().filter(line -> line.contains("Prometheus")).toList();
    }

    private static HttpResponse<String> get(String host, int port, String userAndPassword) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"))
                .timeout(Duration.ofSeconds(10));
        if (userAndPassword != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
