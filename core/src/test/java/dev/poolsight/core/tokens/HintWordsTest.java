package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HintWordsTest {

    /** Italian on the middle curve, Polish, Turkish and Swedish on the distant one, the others well-known. */
    private static final HintWords HINTS = new HintWords(kinds("it", "middle", "pl", "distant", "tr", "distant", "sv",
            "distant"));

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
    void aLanguageIsTalliedAsTheKindThePricesGiveIt() {
        HintWords dutchAsMiddle = new HintWords(kinds("nl", "middle"));
        HintWords dutchAsForeign = new HintWords(kinds());
        long het = HintWords.key("het", 0, 3);

        assertThat(HintWords.middle(dutchAsMiddle.tally(het))).isEqualTo(1);
        assertThat(HintWords.foreign(dutchAsForeign.tally(het))).isEqualTo(1);
        assertThat(HintWords.middle(dutchAsForeign.tally(het))).isZero();
    }

    @Test
    void aWordThatIsNoHintAddsNothing() {
        assertThat(tally("connection")).isZero();
        assertThat(tally("Warszawie")).isZero();
    }

    @Test
    void aWordWithALetterBeyondAsciiIsNotTakenForAnAsciiWord() {
        // Shifted into the key as they are, the high bits of å would overlap the t before it: på would be te.
        assertThat(HintWords.distant(tally("på"))).isEqualTo(1);
        assertThat(tally("te")).isZero();
    }

    @Test
    void accentedLettersAreHintsOfTheirKind() {
        assertThat(HintWords.foreign(HintWords.FOREIGN_LETTER)).isEqualTo(1);
        assertThat(HintWords.distant(HintWords.DISTANT_LETTER)).isEqualTo(1);
        assertThat(HintWords.english(HintWords.FOREIGN_LETTER + HintWords.DISTANT_LETTER)).isZero();
    }

    /** Every language well-known but those given, with their kinds. */
    private static Map<String, String> kinds(String... languagesAndKinds) {
        Map<String, String> kinds = new LinkedHashMap<>();
        HintWords.LANGUAGE_WORDS.keySet().forEach(language -> kinds.put(language, "foreign"));
        for (int k = 0; k < languagesAndKinds.length; k += 2) {
            kinds.put(languagesAndKinds[k], languagesAndKinds[k + 1]);
        }
        return kinds;
    }

    private static long tally(String word) {
        return HINTS.tally(HintWords.key(word, 0, word.length()));
    }
}
