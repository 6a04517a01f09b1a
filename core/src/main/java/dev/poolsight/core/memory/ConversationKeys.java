package dev.poolsight.core.memory;

import java.util.List;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Redis keys of one conversation, as strings and as the bytes a script call sends. All carry the conversation
 * id as a hash tag ({@code {id}}), so they live in one Redis Cluster slot and a single script may change them
 * together:
 * <ul>
 *   <li>{@link #messages()}: a list of message JSON, oldest first;</li>
 *   <li>{@link #meta()}: a hash of {@code count}, {@code tokens}, {@code estimated}, {@code created}, {@code updated};</li>
 *   <li>{@link #tokens()}: a hash from message id to its token count ({@code e} in front while it is an estimate).</li>
 * </ul>
 * Immutable, provided callers do not write into the encoded keys' arrays, which are shared.
 */
final class ConversationKeys {

    private final String conversationId;
    private final String messages;
    private final String meta;
    private final String tokens;
    private final List<byte[]> encoded;
    private final List<byte[]> encodedCountKeys;

    private ConversationKeys(String conversationId, String base) {
        this.conversationId = conversationId;
        this.messages = base + "messages";
        this.meta = base + "meta";
        this.tokens = base + "tokens";
        byte[] encodedMeta = SafeEncoder.encode(meta);
        byte[] encodedTokens = SafeEncoder.encode(tokens);
        this.encoded = List.of(SafeEncoder.encode(messages), encodedMeta, encodedTokens);
        this.encodedCountKeys = List.of(encodedMeta, encodedTokens, encoded.get(0));
    }

    static ConversationKeys of(String prefix, String conversationId) {
        Identifiers.requireValid("conversation id", conversationId);
        return new ConversationKeys(conversationId, prefix + ":{" + conversationId + "}:");
    }

    String conversationId() {
        return conversationId;
    }

    String messages() {
        return messages;
    }

    String meta() {
        return meta;
    }

    String tokens() {
        return tokens;
    }

    List<String> all() {
        return List.of(messages, meta, tokens);
    }

    /** {@link #messages()} as bytes. */
    byte[] messagesEncoded() {
        return encoded.get(0);
    }

    /** The three keys as bytes, in {@link #all()}'s order: the append script's keys. */
    List<byte[]> allEncoded() {
        return encoded;
    }

    /**
     * {@link #meta()}, {@link #tokens()} and {@link #messages()} as bytes: a message's keys in the script that applies
     * exact counts and trims to the token limit.
     */
    List<byte[]> countKeysEncoded() {
        return encodedCountKeys;
    }
}
