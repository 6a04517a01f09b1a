package dev.poolsight.core.tokens;

/** Counts the tokens a language model would see in a text. Implementations are thread-safe. */
@FunctionalInterface
public interface TokenCounter {

    /** The number of tokens in {@code text}; 0 for an empty text. */
    int count(String text);

    /**
     * The exact count of {@code text} when this counter knows it without counting, for example because every piece
     * of the text is in its memory of recent counts; {@link #UNKNOWN} otherwise. Cheap enough for an application's
     * thread: it never does the work {@link #count} does. The default never knows.
     */
    default int countIfKnown(String text) {
        return UNKNOWN;
    }

    /**
     * Loads now what this counter would otherwise load at the first text that needs it (a vocabulary, say), so that no
     * later count waits for it. {@link AsyncTokenCounter} calls it on its worker as the worker starts, for the
     * estimate the appending threads use. The default has nothing to load.
     */
    default void prepare() {
    }

    /** What {@link #countIfKnown} returns when the count is not known. */
    int UNKNOWN = -1;
}
