package dev.poolsight.core.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;

/**
 * Messages as JSON, the form they take in Redis:
 * {@code {"id":"...","role":"user","content":"...","ts":1732600000000,"pinned":false,"meta":{...}}}.
 * The append script reads {@code id} and {@code pinned} with Redis' cjson, so those names are part of the format.
 */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MessageCodec() {
    }

    static String encode(Message message) {
        try {
            return JSON.writeValueAsString(new Stored(message.id(), message.role().wireName(), message.content(),
                    message.timestamp().toEpochMilli(), message.pinned(),
                    message.metadata().isEmpty() ? null : message.metadata()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write message " + message.id() + " as JSON", e);
        }
    }

    static Message decode(String json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            return new Message(stored.id, Role.fromWireName(stored.role), stored.content,
                    Instant.ofEpochMilli(stored.ts), stored.meta == null ? Map.of() : stored.meta, stored.pinned);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored message is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Stored(@JsonProperty("id") String id,
                          @JsonProperty("role") String role,
                          @JsonProperty("content") String content,
                          @JsonProperty("ts") long ts,
                          @JsonProperty("pinned") boolean pinned,
                          @JsonProperty("meta") Map<String, String> meta) {
    }
}
