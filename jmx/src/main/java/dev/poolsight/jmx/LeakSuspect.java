package dev.poolsight.jmx;

import java.time.Duration;

/**
 * An object a pool lent out longer ago than the leak threshold, and who borrowed it.
 *
 * @param object     the object as {@code ClassName@identityHash}, the form of {@link Object#toString()} before any
 *                   override; its own {@code toString()} is never called, because it may be slow or may fail
 * @param heldFor    how long it has been out
 * @param threadName the thread that borrowed it
 * @param stackTrace where it was borrowed, one {@code at frame} line per frame, starting at the caller of the
 *                   pool (the recorder's own frames left out)
 */
public record LeakSuspect(String object, Duration heldFor, String threadName, String stackTrace) {
}
