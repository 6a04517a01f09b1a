package dev.poolsight.core.tokens;

/** Counts the tokens a language model would see in a text. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenCounter {

    /** The number of tokens in {@code text}; 0 for an empty text. */
    int count(String text);
}
