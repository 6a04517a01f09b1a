package dev.poolsight.core.memory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Messages as JSON, the form they take in Redis:
 * {@code {"id":"...","role":"user","content":"...","ts":1732600000000,"pinned":false,"meta":{...}}}, with
 * {@code meta} left out when empty. The append script reads {@code id} and {@code pinned} from the JSON by
 * position (the id first, unescaped; the first {@code ,"pinned":}), so their names and order are part of the format.
 */
final class MessageCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The length of a message's JSON without meta, apart from its values. */
    private static final int FIELDS_LENGTH = "{\"id\":\"\",\"role\":\"\",\"content\":\"\",\"ts\":,\"pinned\":}".length();

    private MessageCodec() {
    }

    /**
     * The message as UTF-8 JSON, the bytes Jedis sends. Written field by field rather than by binding a record with
     * the ObjectMapper (3 us for a short message) or with Jackson's streaming generator (with Jedis encoding its
     * string, 10 us at 8 KB); the bytes are what the mapper's {@code writeValueAsString} wrote and Jedis encoded, byte
     * for byte, so messages stored by earlier versions read the same, with one exception: a lone surrogate, which
     * came back as {@code ?}, is escaped and comes back as it was.
     */
    static byte[] encode(Message message) {
        String role = message.role().wireName();
        String content = message.content();
        String timestamp = Long.toString(message.timestamp().toEpochMilli());
        String pinned = Boolean.toString(message.pinned());
        // Exact for ASCII text that needs no escaping, the usual case, so that the writer neither grows nor trims.
        Utf8JsonWriter json = new Utf8JsonWriter(FIELDS_LENGTH + message.id().length() + role.length()
                + content.length() + timestamp.length() + pinned.length() + metadataLength(message.metadata()));
        json.raw("{\"id\":").string(message.id())
                .raw(",\"role\":").string(role)
                .raw(",\"content\":").string(content)
                .raw(",\"ts\":").raw(timestamp)
                .raw(",\"pinned\":").raw(pinned);
        if (!message.metadata().isEmpty()) {
            json.raw(",\"meta\":{");
            String separator = "";
            for (Map.Entry<String, String> entry : message.metadata().entrySet()) {
                json.raw(separator).string(entry.getKey()).raw(":").string(entry.getValue());
                separator = ",";
            }
            json.raw("}");
        }
        return json.raw("}").toByteArray();
    }

    /** The length of {@code ,"meta":{"k":"v",...}} for ASCII keys and values that need no escaping; 0 without meta. */
    private static int metadataLength(Map<String, String> metadata) {
        if (metadata.isEmpty()) {
            return 0;
        }
        int length = ",\"meta\":{}".length() - 1; // one comma fewer than the pairs
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            length += entry.getKey().length() + entry.getValue().length() + "\"\":\"\",".length();
        }
        return length;
    }

    /**
     * Reads a message as {@link #encode} wrote it. Bytes that are not valid UTF-8 (only another tool could have
     * written them) are an error here, where Jedis' string decoding used to replace them with U+FFFD.
     */
    static Message decode(byte[] json) {
        try {
            Stored stored = JSON.readValue(json, Stored.class);
            return new Message(stored.id, Role.fromWireName(stored.role), stored.content,
                    Instant.ofEpochMilli(stored.ts), stored.meta == null ? Map.of() : stored.meta, stored.pinned);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored message is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored message from memory", e);
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
