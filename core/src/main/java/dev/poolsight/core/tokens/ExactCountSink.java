package dev.poolsight.core.tokens;

import java.util.List;

/**
 * Receives the exact counts that {@link AsyncTokenCounter}'s worker made, several at a time: all those of one sink
 * that the worker took from its queue together, so that a store applies them with one round trip instead of one
 * each.
 */
@FunctionalInterface
public interface ExactCountSink<T> {

    /**
     * @param counts one or more, in the order they were submitted; when this throws, the counter counts all of them
     *               as errors, whether or not the sink applied some before it failed
     */
    void accept(List<ExactCount<T>> counts);
}
