package dev.poolsight.core.memory;

import java.util.List;

/**
 * The message history of LLM conversations, each named by an id. Implementations are thread-safe; every
 * operation on one conversation is atomic. A missing argument fails with a NullPointerException and a bad one with
 * an IllegalArgumentException, each naming it; the Redis store fails a call with {@link PoolExhaustedException}
 * when no connection came free in time and {@link RedisUnavailableException} when Redis could not be reached or did
 * not answer in time.
 */
public interface ConversationMemory {

    /** Appends one message; trimming to the store's limits happens in the same atomic step. */
    default AppendResult append(String conversationId, Message message) {
        if (message == null) {
            throw new NullPointerException("message is null");
        }
        return append(conversationId, List.of(message));
    }

    /**
     * Appends several messages in order, atomically; none of them is trimmed by this append. Message ids are unique
     * within a conversation: an append with an id the conversation holds (or one id twice) stores nothing and fails
     * with {@link DuplicateMessageIdException}; the id of a message that was trimmed or cleared may be used again.
     */
    AppendResult append(String conversationId, List<Message> messages);

    /** Every message, oldest first; empty when the conversation does not exist. */
    List<Message> readAll(String conversationId);

    /** The last {@code count} messages, oldest first: the window an LLM call needs. */
    List<Message> readLast(String conversationId, int count);

    /** Up to {@code limit} messages starting at {@code offset} (0 is the oldest). */
    List<Message> readPage(String conversationId, int offset, int limit);

    long messageCount(String conversationId);

    /** The sum of the token counts of the messages held, estimates included until exact counts arrive. */
    long tokenCount(String conversationId);

    /** Deletes the conversation; returns whether it existed. */
    boolean clear(String conversationId);

    boolean exists(String conversationId);
}
