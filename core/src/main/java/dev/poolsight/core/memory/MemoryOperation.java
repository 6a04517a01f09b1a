package dev.poolsight.core.memory;

/** The store's operations that {@link MemoryOperationTimes} times, each with the name metrics and MBeans show. */
public enum MemoryOperation {
    /** {@link ConversationMemory#append}. */
    APPEND("append"),
    /** {@link ConversationMemory#readLast}: the window a model is given. */
    READ_WINDOW("read_window"),
    /** {@link ConversationMemory#readPage}. */
    READ_PAGE("read_page"),
    /** {@link ConversationMemory#readAll}. */
    READ_ALL("read_all"),
    /** {@link ConversationMemory#messageCount} and {@link ConversationMemory#tokenCount}. */
    COUNT("count"),
    /** {@link ConversationMemory#clear}. */
    CLEAR("clear");

    private final String label;

    MemoryOperation(String label) {
        this.label = label;
    }

    /** The lower-case name that metrics and MBeans show: {@code append}, {@code read_window}, ... */
    public String label() {
        return label;
    }
}
