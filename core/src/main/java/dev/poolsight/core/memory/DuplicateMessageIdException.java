package dev.poolsight.core.memory;

/**
 * An append held a message whose id the conversation holds already; nothing of the append was stored. Ids are
 * unique within a conversation so that a message is stored, counted and trimmed once.
 */
public final class DuplicateMessageIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private static final String ACCEPTED = "accepted: an id the conversation does not hold (Message.of gives a random"
            + " one); nothing of this append was stored";

    private final String conversationId;
    private final String messageId;

    private DuplicateMessageIdException(String message, String conversationId, String messageId) {
        super(message);
        this.conversationId = conversationId;
        this.messageId = messageId;
    }

    static DuplicateMessageIdException heldAlready(String conversationId, int index, String messageId) {
        return new DuplicateMessageIdException("messages[" + index + "] has id \"" + messageId + "\", which conversation \""
                + conversationId + "\" holds already; " + ACCEPTED, conversationId, messageId);
    }

    static DuplicateMessageIdException twiceInOneAppend(String conversationId, int index, String messageId) {
        return new DuplicateMessageIdException("messages[" + index + "] has id \"" + messageId + "\", which appears"
                + " twice in one append to conversation \"" + conversationId + "\"; " + ACCEPTED, conversationId, messageId);
    }

    public String conversationId() {
        return conversationId;
    }

    /** The id that is taken. */
    public String messageId() {
        return messageId;
    }
}
