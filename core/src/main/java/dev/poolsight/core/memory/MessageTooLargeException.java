package dev.poolsight.core.memory;

/**
 * An append held a message larger than {@link MemoryOptions#maxMessageBytes()}; nothing of the append was stored.
 * The message names the message, its size as stored and the limit.
 */
public final class MessageTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final int limit;

    MessageTooLargeException(int index, String messageId, String size, int limit) {
        super("messages[" + index + "] (id \"" + messageId + "\") is " + size + " bytes as stored (JSON, UTF-8);"
                + " accepted: at most " + limit + " (MemoryOptions.maxMessageBytes); nothing of this append was stored");
        this.messageId = messageId;
        this.limit = limit;
    }

    /** The id of the message that was too large. */
    public String messageId() {
        return messageId;
    }

    /** The limit in force, in bytes. */
    public int limit() {
        return limit;
    }
}
