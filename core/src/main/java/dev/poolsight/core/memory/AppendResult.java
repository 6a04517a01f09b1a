package dev.poolsight.core.memory;

import java.util.List;

/**
 * What an append left behind.
 *
 * @param messageCount the conversation's message count after the append and any trimming
 * @param tokenCount   its token count (estimates included until exact counts arrive)
 * @param trimmed      the messages trimming dropped, oldest first; empty when none. Unmodifiable; unless a
 *                     {@link TrimListener} was told of them, each is decoded from its stored form when first read
 */
public record AppendResult(long messageCount, long tokenCount, List<Message> trimmed) {

    public AppendResult {
        trimmed = trimmed instanceof MessagesDecodedOnRead ? trimmed : List.copyOf(trimmed);
    }
}
