package dev.poolsight.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.tokens.ExactTokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

    private final MessageTexts texts = new MessageTexts(42);

    @Test
    void aMessageHasTheCharactersAskedForAllAscii() {
        String text = texts.next(new SplittableRandom(1), 400);

        assertThat(text).hasSize(400);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(400);
    }

    @Test
    void aMessageBeginsWithAWordAndMostEndWithOne() {
        Set<String> words = wordsInside(texts.next(new SplittableRandom(5), 60_000));
        SplittableRandom random = new SplittableRandom(4);
        int beginningWithAWord = 0;
        int endingWithAWord = 0;
        for (int i = 0; i < 1_000; i++) {
            String text = texts.next(random, 400);
            String[] parts = text.split(" ");
            beginningWithAWord += words.contains(bare(parts[0])) ? 1 : 0;
            endingWithAWord += words.contains(bare(parts[parts.length - 1])) ? 1 : 0;
        }

        assertThat(beginningWithAWord).isGreaterThan(950);
        assertThat(endingWithAWord).isGreaterThan(900);
    }

    /** The words of a long text, but for its first and last, which may be cut. */
    private static Set<String> wordsInside(String text) {
        String[] parts = text.split(" ");
        return Arrays.stream(parts, 1, parts.length - 1).map(MessageTextsTest::bare).collect(Collectors.toSet());
    }

    private static String bare(String word) {
        return word.replaceAll("[.,]+$", "").toLowerCase(Locale.ROOT);
    }

    /** Real English runs at about four characters a token; random letters, at about two. */
    @Test
    void itsTokensAreAsLongAsRealProsesTokens() {
        String text = texts.next(new SplittableRandom(2), 8_000);

        int tokens = ExactTokenCounter.forEncoding("o200k_base").count(text);

        assertThat(text.length() / (double) tokens).isBetween(3.5, 6.5);
    }

    @Test
    void theSameSeedMakesTheSameTexts() {
        assertThat(new MessageTexts(7).next(new SplittableRandom(3), 300))
                .isEqualTo(new MessageTexts(7).next(new SplittableRandom(3), 300));
    }
}
