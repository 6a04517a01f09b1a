package dev.poolsight.cli.load;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Message texts cut from one block of generated prose, so that making a message costs a copy, not a loop over words.
 *
 * <p>The prose is English words drawn from {@link #WORDS}, mostly short and common, in sentences with commas, as an
 * assistant's replies read. Its tokens are those of real text, about four to five characters each: random letters,
 * which an earlier version used, split into twice as many tokens and made every exact count cost twice what an
 * application's would, which misled the load's figures.
 */
final class MessageTexts {

    private static final int BLOCK_CHARS = 2 * MessageSizes.MAX_BYTES;
    /** Common words first: a word's chance falls with its place in the list, as in English text. */
    private static final String[] WORDS = (
            "the to and of a in is it you that for on this with be as are can have not your if or at by but will "
            + "we from an was use all one so there more which when what they has would about also my me do their "
            + "like time just than some out then should could these first other how into its only new any may "
            + "each two make need data file value see here well because back after over where most through "
            + "request connection pool server client response error timeout retry message conversation token "
            + "agent memory cache latency configuration setting default example question answer result context "
            + "summary document search function parameter return string number list update delete create read "
            + "write check please thanks sure help explain following step steps approach option options better "
            + "instead however therefore usually often already still again always never every without between "
            + "during before under within against across around simple small large fast slow higher lower limit "
            + "size queue thread threads wait waits measure monitor user users service services database query "
            + "queries application system process performance production environment deployment release "
            + "version change changes issue issues test tests report reports review team project week today").split(" ");

    /** How many places a message may try for one that begins and ends with a whole word. */
    private static final int PLACES_TRIED = 16;

    private final String block;
    /** Where each word of the block begins. */
    private final int[] wordStarts;

    MessageTexts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder(BLOCK_CHARS + 32);
        boolean sentenceStart = true;
        while (text.length() < BLOCK_CHARS) {
            String word = WORDS[commonFirst(random)];
            text.append(sentenceStart ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            sentenceStart = random.nextInt(12) == 0;
            text.append(sentenceStart ? ". " : random.nextInt(10) == 0 ? ", " : " ");
        }
        this.block = text.substring(0, BLOCK_CHARS);
        this.wordStarts = IntStream.range(0, BLOCK_CHARS)
                .filter(i -> block.charAt(i) != ' ' && (i == 0 || block.charAt(i - 1) == ' ')).toArray();
    }

    /** An index into {@link #WORDS}, the lower ones far more often (roughly Zipf's law). */
    private static int commonFirst(SplittableRandom random) {
        double u = random.nextDouble();
        return (int) (WORDS.length * u * u * u);
    }

    /**
     * {@code chars} characters (all ASCII, so as many bytes) from a random place in the block, beginning with a word
     * and, in all but a few messages, ending with one, as people's and models' messages do: a message cut inside words
     * at both ends carries two fragments that no real message has, which the exact counter has not counted lately.
     */
    String next(SplittableRandom random, int chars) {
        int length = Math.min(chars, BLOCK_CHARS);
        int start = 0;
        for (int tried = 0; tried < PLACES_TRIED; tried++) {
            start = wordStarts[random.nextInt(wordStarts.length)];
            if (start > BLOCK_CHARS - length) {
                start = BLOCK_CHARS - length;
            } else if (start + length == BLOCK_CHARS || block.charAt(start + length) == ' ') {
                break;
            }
        }
        return block.substring(start, start + length);
    }
}
