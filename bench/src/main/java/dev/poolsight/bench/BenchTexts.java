package dev.poolsight.bench;

/** Message texts of a chosen size, cut from ordinary English prose so that tokenizers see realistic input. */
final class BenchTexts {

    private static final String PROSE = "When an agent answers a user, it first reads the recent turns of the"
            + " conversation from Redis, sends them with the new question to the language model, and then appends"
            + " both the question and the answer. Each of those steps borrows a connection from the pool. If the"
            + " pool is too small, callers queue for a connection and the wait shows up as latency that has nothing"
            + " to do with Redis itself; if it is too large, idle connections hold memory on both sides. The right"
            + " size keeps utilization between sixty and eighty percent at peak, waits under ten milliseconds and"
            + " exhaustion at zero. ";

    private BenchTexts() {
    }

    /** English prose of exactly {@code size} characters. */
    static String english(int size) {
        StringBuilder text = new StringBuilder(size + PROSE.length());
        while (text.length() < size) {
            text.append(PROSE);
        }
        return text.substring(0, size);
    }
}
