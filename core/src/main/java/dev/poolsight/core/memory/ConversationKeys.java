package dev.poolsight.core.memory;

import java.util.List;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Redis keys of one conversation. All carry the conversation id as a hash tag ({@code {id}}), so they live in
 * one Redis Cluster slot and a single script may change them together.
 *
 * @param messages a list of message JSON, oldest first
 * @param meta     a hash: {@code count}, {@code tokens}, {@code estimated}, {@code created}, {@code updated}
 * @param tokens   a hash from message id to its token count ({@code e} in front while it is an estimate)
 */
record ConversationKeys(String messages, String meta, String tokens) {

    static ConversationKeys of(String prefix, String conversationId) {
        Identifiers.requireValid("conversation id", conversationId);
        String base = prefix + ":{" + conversationId + "}:";
        return new ConversationKeys(base + "messages", base + "meta", base + "tokens");
    }

    List<String> all() {
        return List.of(messages, meta, tokens);
    }

    /** The three keys as the bytes a binary command sends, in {@link #all()}'s order. */
    List<byte[]> allEncoded() {
        return List.of(SafeEncoder.encode(messages), SafeEncoder.encode(meta), SafeEncoder.encode(tokens));
    }
}
