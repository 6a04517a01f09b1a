package dev.poolsight.core.memory;

/**
 * The keys of the conversation used last. An agent appends to one conversation turn after turn, and checking its
 * id, building its three keys and encoding them each time cost 1 to 3 us of an append on the append path (after the
 * application has done other work, when little is in the CPU's caches). One entry, replaced on a miss, so it helps
 * with one conversation at a time: threads that take turns with different conversations, or a read of another
 * conversation between two appends, only replace it more often, at the cost the keys had before it. Thread-safe:
 * the keys are immutable and published through a volatile field.
 */
final class RecentConversationKeys {

    private final String prefix;
    private volatile ConversationKeys last;

    RecentConversationKeys(String prefix) {
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException if {@code conversationId} is not a valid id */
    ConversationKeys of(String conversationId) {
        ConversationKeys recent = last;
        if (recent != null && recent.conversationId().equals(conversationId)) {
            return recent;
        }
        ConversationKeys keys = ConversationKeys.of(prefix, conversationId);
        last = keys;
        return keys;
    }
}
