package dev.poolsight.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.tokens.ExactTokenCounter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessageTextsTest {

    private final MessageTexts texts = new MessageTexts(42);

    @Test
    void aMessageHasTheCharactersAskedForAllAscii() {
        String text = texts.next(new SplittableRandom(1), 400);

        assertThat(text).hasSize(400);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(400);
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
