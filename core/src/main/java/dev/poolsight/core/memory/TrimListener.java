package dev.poolsight.core.memory;

import java.util.List;

/**
 * Told which messages an append trimmed away, oldest first, for example to summarise them. Called on the
 * appending thread after the append has been stored; an exception it throws is logged, not passed on, because
 * the append itself succeeded.
 */
@FunctionalInterface
public interface TrimListener {

    TrimListener NONE = (conversationId, trimmed) -> { };

    void onTrimmed(String conversationId, List<Message> trimmed);
}
