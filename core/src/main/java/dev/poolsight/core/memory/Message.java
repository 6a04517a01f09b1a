package dev.poolsight.core.memory;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a conversation. A pinned message (typically the system prompt) is never dropped by trimming.
 *
 * @param id        unique within the conversation; {@link #of} makes a random UUID
 * @param role      who wrote it
 * @param content   the text, possibly empty
 * @param timestamp when it was written, kept to the millisecond
 * @param metadata  free-form string pairs, such as a tool call id
 * @param pinned    whether trimming must keep it
 */
public record Message(String id, Role role, String content, Instant timestamp, Map<String, String> metadata,
                      boolean pinned) {

    public Message {
        Identifiers.requireValid(id);
        Objects.requireNonNull(role, "role is null");
        Objects.requireNonNull(content, "content is null");
        Objects.requireNonNull(timestamp, "timestamp is null");
        timestamp = Instant.ofEpochMilli(timestamp.toEpochMilli());
        metadata = Map.copyOf(requireNoNulls(metadata));
    }

    /** Map.copyOf refuses nulls too, but with a message that names nothing. */
    private static Map<String, String> requireNoNulls(Map<String, String> metadata) {
        Objects.requireNonNull(metadata, "metadata is null");
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            if (entry.getKey() == null) {
                throw new NullPointerException("metadata has a null key");
            }
            if (entry.getValue() == null) {
                throw new NullPointerException("metadata[\"" + entry.getKey() + "\"] is null");
            }
        }
        return metadata;
    }

    /** A new message with a random id, written now, without metadata, not pinned. */
    public static Message of(Role role, String content) {
        return new Message(UUID.randomUUID().toString(), role, content, Instant.now(), Map.of(), false);
    }

    public static Message system(String content) {
        return of(Role.SYSTEM, content);
    }

    public static Message user(String content) {
        return of(Role.USER, content);
    }

    public static Message assistant(String content) {
        return of(Role.ASSISTANT, content);
    }

    public static Message tool(String content) {
        return of(Role.TOOL, content);
    }

    /** This message, marked so that trimming never drops it. */
    public Message pin() {
        return new Message(id, role, content, timestamp, metadata, true);
    }

    public Message withMetadata(Map<String, String> newMetadata) {
        return new Message(id, role, content, timestamp, newMetadata, pinned);
    }

    public Message withId(String newId) {
        return new Message(newId, role, content, timestamp, metadata, pinned);
    }
}
