package dev.poolsight.cli.source;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the Poolsight MBeans of another JVM over its agent's Jolokia endpoint: one bulk POST per reading, with
 * read requests only, as the endpoint's read-only policy allows.
 */
public final class JolokiaPoolSource implements PoolSource {

    /** Basic authentication for an endpoint started with jolokiaUser and jolokiaPassword. */
    public static final String USER_VARIABLE = "POOLSIGHT_JOLOKIA_USER";
    public static final String PASSWORD_VARIABLE = "POOLSIGHT_JOLOKIA_PASSWORD";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final TypeReference<Map<String, Object>> ATTRIBUTE_MAP = new TypeReference<>() { };

    private final URI url;
    private final Optional<String> authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final byte[] request;

    private JolokiaPoolSource(URI url, Optional<String> authorization) {
        this.url = url;
        this.authorization = authorization;
        this.request = bulkRequest();
    }

    /** The endpoint at {@code url}, with the user and password of the environment variables when they are set. */
    public static JolokiaPoolSource at(URI url, Map<String, String> environment) {
        String user = environment.get(USER_VARIABLE);
        String password = environment.get(PASSWORD_VARIABLE);
        Optional<String> authorization = user == null || password == null ? Optional.empty()
                : Optional.of("Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return new JolokiaPoolSource(url, authorization);
    }

    private static byte[] bulkRequest() {
        ArrayNode bulk = JSON.createArrayNode();
        bulk.add(read(JmxPoolSource.POOLS.toString(), PoolSnapshot.ATTRIBUTES));
        bulk.add(read(JmxPoolSource.REDIS_COMMANDS.toString(), RedisCommandsSnapshot.ATTRIBUTES));
        bulk.add(read(JmxPoolSource.TOKEN_COUNTERS.toString(), TokenCounterSnapshot.ATTRIBUTES));
        return bulk.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode read(String pattern, List<String> attributes) {
        ObjectNode read = JSON.createObjectNode().put("type", "read").put("mbean", pattern);
        attributes.forEach(read.putArray("attribute")::add);
        return read;
    }

    @Override
    public PoolReading read() {
        JsonNode answers = post();
        return new PoolReading(System.nanoTime(), values(answers.path(0), PoolSnapshot::from),
                values(answers.path(1), RedisCommandsSnapshot::from),
                values(answers.path(2), TokenCounterSnapshot::from));
    }

    private JsonNode post() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new TargetException("cannot reach Jolokia at " + url + ": connection refused");
        } catch (IOException e) {
            throw new TargetException("cannot reach Jolokia at " + url + ": " + TargetException.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while reading " + url, e);
        }
        if (response.statusCode() == 401) {
            throw new TargetException("Jolokia at " + url + " wants a user and password: set " + USER_VARIABLE
                    + " and " + PASSWORD_VARIABLE);
        }
        if (response.statusCode() != 200) {
            throw new TargetException("Jolokia at " + url + " answered HTTP " + response.statusCode()
                    + "; is it a Jolokia endpoint (such as http://127.0.0.1:8778/jolokia)?");
        }
        try {
            JsonNode answers = JSON.readTree(response.body());
            if (!answers.isArray()) {
                throw new TargetException(url + " did not answer as Jolokia does (a JSON list for a bulk request)");
            }
            return answers;
        } catch (IOException e) {
            throw new TargetException(url + " did not answer with JSON; is it a Jolokia endpoint?", e);
        }
    }

    /** A pattern read answers a map from MBean name to attributes; no MBean found is status 404, not an error. */
    private <T> List<T> values(JsonNode answer, Function<Map<String, ?>, T> build) {
        int status = answer.path("status").asInt();
        if (status == 404) {
            return List.of();
        }
        if (status != 200) {
            throw new TargetException("Jolokia at " + url + " refused to read the Poolsight MBeans (status " + status
                    + ": " + answer.path("error").asText("no reason given") + ")");
        }
        List<T> all = new ArrayList<>();
        for (Iterator<JsonNode> mbeans = answer.path("value").elements(); mbeans.hasNext(); ) {
            Map<String, Object> attributes = JSON.convertValue(mbeans.next(), ATTRIBUTE_MAP);
            all.add(build.apply(attributes));
        }
        return all;
    }

    @Override
    public String describe() {
        return url.toString();
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close; its idle connections end with the process
    }
}
