package dev.poolsight.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jolokia.json.parser.JSONParser;
import org.jolokia.json.parser.ParseException;

/** A small Jolokia client for the tests: bounded HTTP requests to an endpoint, answers parsed from JSON. */
final class JolokiaHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    private JolokiaHttp(String base) {
        this.base = base;
    }

    /** The endpoint at {@code http://host:port/jolokia}; an IPv6 host needs its brackets. */
    static JolokiaHttp at(String host, int port) {
        return new JolokiaHttp("http://" + host + ":" + port + "/jolokia");
    }

    static JolokiaHttp loopback(int port) {
        return at("127.0.0.1", port);
    }

    /** A port that was free a moment ago, on the loopback interface. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> getAs(String user, String password, String path) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return get(path, "Authorization", "Basic " + basic);
    }

    /** A GET request whose HTTP status is 200, as the JSON answer Jolokia gives. */
    Map<String, Object> answer(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + " for " + path + ": " + response.body());
        }
        return json(response.body());
    }

    /** A POST request with a JSON body, such as a bulk request, as the list of Jolokia's answers. */
    List<Map<String, Object>> post(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) new JSONParser().parse(response.body());
        return answers;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String body) throws ParseException, IOException {
        return (Map<String, Object>) new JSONParser().parse(body);
    }

    /** Jolokia's own status in a JSON answer: 200, or the error's status such as 403. */
    static int status(Map<String, Object> answer) {
        return ((Number) answer.get("status")).intValue();
    }
}
