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
    /** Basic authentication sent with every request, or null. */
    private final String authorization;

    private JolokiaHttp(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** This endpoint, with every request authenticated as {@code user}. */
    JolokiaHttp as(String user, String password) {
        return new JolokiaHttp(base, basic(user, password));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The endpoint at {@code http://host:port/jolokia}; an IPv6 host needs its brackets. */
    static JolokiaHttp at(String host, int port) {
        return new JolokiaHttp("http://" + host + ":" + port + "/jolokia", null);
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
        } else if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> getAs(String user, String password, String path) throws IOException, InterruptedException {
        return get(path, "Authorization", basic(user, password));
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
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> answers = (List<Map<String, Object>>) new JSONParser().parse(postRaw(json));
        return answers;
    }

    /** A POST request with a JSON body, and the answer as Jolokia wrote it. */
    String postRaw(String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
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
