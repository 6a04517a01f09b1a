package dev.poolsight.core.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Messages as JSON, the form they take in Redis:
 * {@code {"id":"...","role":"user","content":"...","ts":1732600000000,"pinned":false,"meta":{...}}}, with
 * {@code meta} left out when empty. The append script reads {@code id} and {@code pinned} with Redis' cjson, so
 * those names are part of the format.
 */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final JsonFactory FACTORY = JSON.getFactory();

    private MessageCodec() {
    }

    /**
     * Written field by field with the streaming generator, because every append encodes its messages: binding a
     * record with the ObjectMapper cost 3 us for a short message. The output is what the mapper wrote, byte for
     * byte: the generator comes from the mapper's own factory, so it escapes as the mapper did, and writes into a
     * segmented writer on recycled buffers, as the mapper's writeValueAsString does.
     */
    static String encode(Message message) {
        BufferRecycler recycler = FACTORY._getBufferRecycler();
        try (SegmentedStringWriter out = new SegmentedStringWriter(recycler)) {
            try (JsonGenerator json = FACTORY.createGenerator(out)) {
                json.writeStartObject();
                json.writeStringField("id", message.id());
                json.writeStringField("role", message.role().wireName());
                json.writeStringField("content", message.content());
                json.writeNumberField("ts", message.timestamp().toEpochMilli());
                json.writeBooleanField("pinned", message.pinned());
                if (!message.metadata().isEmpty()) {
                    json.writeObjectFieldStart("meta");
                    for (Map.Entry<String, String> entry : message.metadata().entrySet()) {
                        json.writeStringField(entry.getKey(), entry.getValue());
                    }
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write message " + message.id() + " as JSON", e);
        } finally {
            recycler.releaseToPool();
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

    private record Stored(@JsonProperty("id") String id,
                          @JsonProperty("role") String role,
                          @JsonProperty("content") String content,
                          @JsonProperty("ts") long ts,
                          @JsonProperty("pinned") boolean pinned,
                          @JsonProperty("meta") Map<String, String> meta) {
    }
}
