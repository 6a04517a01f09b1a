package dev.poolsight.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The endpoint's own life cycle, in this JVM: the agent's code, unrelocated, on the test class path. */
class JolokiaEndpointStopTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void stopClosesThePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        JolokiaEndpoint endpoint = JolokiaEndpoint.start(Integer.toString(port), Optional.empty()).orElseThrow();
        URI version = URI.create(endpoint.url() + "version");
        assertThat(get(version).statusCode()).isEqualTo(200);

        endpoint.stop();

        assertThatThrownBy(() -> get(version)).isInstanceOf(ConnectException.class);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
