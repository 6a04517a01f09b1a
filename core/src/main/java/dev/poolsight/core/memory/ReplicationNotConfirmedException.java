package dev.poolsight.core.memory;

/**
 * An append that Redis stored on the master, but that fewer replicas acknowledged than {@code REDIS_WAIT_REPLICAS}
 * asks for within the wait. The message stays stored; it is only not yet safe from a failover, which would lose it
 * if it happened before a replica had it. The caller decides: tell the user, or append again later (the message id
 * then reports a duplicate if the message survived).
 */
public final class ReplicationNotConfirmedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String conversationId;
    private final long acknowledged;
    private final int required;

    ReplicationNotConfirmedException(String conversationId, String master, long acknowledged, int required,
            String waited) {
        super("the append to conversation \"" + conversationId + "\" was written on the master at " + master
                + ", but only " + acknowledged + " of the " + required + " replicas that REDIS_WAIT_REPLICAS="
                + required + " asks for acknowledged it within " + waited + ": the message is stored, but a failover"
                + " before a replica has it would lose it");
        this.conversationId = conversationId;
        this.acknowledged = acknowledged;
        this.required = required;
    }

    public String conversationId() {
        return conversationId;
    }

    /** How many replicas acknowledged the append in time. */
    public long acknowledged() {
        return acknowledged;
    }

    /** How many replicas {@code REDIS_WAIT_REPLICAS} asks for. */
    public int required() {
        return required;
    }
}
