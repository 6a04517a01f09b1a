package dev.poolsight.cli.load;

import java.util.SplittableRandom;

/**
 * Message texts cut from one block of generated prose (words of 1 to 12 letters, sentences, commas), so that token
 * counting sees text like a conversation's and making a message costs a copy, not a loop over words.
 */
final class MessageTexts {

    private static final int BLOCK_CHARS = 2 * MessageSizes.MAX_BYTES;

    private final String block;

    MessageTexts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(BLOCK_CHARS + 16);
        boolean sentenceStart = true;
        while (text.length() < BLOCK_CHARS) {
            int letters = 1 + Math.min(11, (int) Math.abs(random.nextGaussian(4, 2.5)));
            for (int i = 0; i < letters; i++) {
                char letter = (char) ('a' + random.nextInt(26));
                text.append(sentenceStart && i == 0 ? Character.toUpperCase(letter) : letter);
            }
            sentenceStart = random.nextInt(12) == 0;
            text.append(sentenceStart ? ". " : random.nextInt(10) == 0 ? ", " : " ");
        }
        this.block = text.substring(0, BLOCK_CHARS);
    }

    /** {@code chars} characters (all ASCII, so as many bytes) from a random place in the block. */
    String next(SplittableRandom random, int chars) {
        int length = Math.min(chars, BLOCK_CHARS);
        int start = random.nextInt(BLOCK_CHARS - length + 1);
        return block.substring(start, start + length);
    }
}
