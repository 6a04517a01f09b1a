package dev.poolsight.core.memory;

import java.util.List;

/**
 * Told which messages were trimmed away, oldest first, for example to summarise them. Called on the appending
 * thread after an append has been stored, and, with an asynchronous token counter, on a counter worker after an
 * exact count that put the conversation over {@code maxTokens} has been applied (and trimmed in the same step). An
 * exception it throws is logged, not passed on, because what it is told of has already been stored.
 */
@FunctionalInterface
public interface TrimListener {

    TrimListener NONE = (conversationId, trimmed) -> { };

    void onTrimmed(String conversationId, List<Message> trimmed);
}
