package dev.poolsight.jmx;

/**
 * Told about the rare events of a {@link PoolRecorder} as they happen, for example to send a JMX notification.
 * Set with {@link PoolRecorder#setEvents}.
 *
 * <p>Called on the application thread that met the event, so an implementation must be quick and must not block:
 * that thread is already late. It should not throw either; if it does, the recorder counts the failure in
 * {@link AgentHealth} and carries on.
 */
public interface PoolEvents {

    /** A borrow from {@code recorder}'s pool just found it exhausted, and was counted. */
    void exhausted(PoolRecorder recorder);
}
