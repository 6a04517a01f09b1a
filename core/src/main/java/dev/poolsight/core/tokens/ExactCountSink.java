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
     * @param counts one or more, in the order they were submitted; when this throws, all of them are counted as
     *               errors and keep their estimates
     */
    void accept(List<ExactCount<T>> counts);
}
