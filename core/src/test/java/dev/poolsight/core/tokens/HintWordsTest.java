package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HintWordsTest {

    @Test
    void eachFunctionWordIsTalliedAsAHintOfItsKind() {
        long tally = tally("the") + tally("and") + tally("der") + tally("che") + tally("si\u0119") + tally("och")
                + tally("i\u00e7in");

        assertThat(HintWords.english(tally)).isEqualTo(2);
        assertThat(HintWords.foreign(tally)).isEqualTo(1);
        assertThat(HintWords.middle(tally)).isEqualTo(1);
        assertThat(HintWords.distant(tally)).isEqualTo(3);
    }

    @Test
    void aWordThatIsNoHintAddsNothing() {
        assertThat(tally("connection")).isZero();
        assertThat(tally("Warszawie")).isZero();
    }

    @Test
    void accentedLettersAreHintsOfTheirKind() {
        assertThat(HintWords.foreign(HintWords.FOREIGN_LETTER)).isEqualTo(1);
        assertThat(HintWords.distant(HintWords.DISTANT_LETTER)).isEqualTo(1);
        assertThat(HintWords.english(HintWords.FOREIGN_LETTER + HintWords.DISTANT_LETTER)).isZero();
    }

    private static long tally(String word) {
        return HintWords.tally(HintWords.hash(word, 0, word.length()));
    }
}
