package dev.poolsight.core.tokens;

import static dev.poolsight.core.tokens.ScriptVocabulary.BARE;
import static dev.poolsight.core.tokens.ScriptVocabulary.SPACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptVocabularyTest {

    // подключение (connection): " подключ" held with a space, "ение" and "ения" bare, "ключ" and "по" both ways.
    private final ScriptVocabulary words = ScriptVocabulary.of(Map.of("\u043f\u043e\u0434\u043a\u043b\u044e\u0447",
            SPACED, "\u0435\u043d\u0438\u0435", BARE, "\u0435\u043d\u0438\u044f", BARE, "\u043a\u043b\u044e\u0447",
            SPACED | BARE, "\u043f\u043e", SPACED | BARE));

    @Test
    void aWordAfterASpaceIsCutIntoTheLongestWordsFirstSpacedThenBare() {
        String text = "x \u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0435\u043d\u0438\u0435";

        // " подключ" + "ение", not " по" + ...
        assertThat(words.pieces(text, 2, text.length(), SPACED)).isEqualTo(2);
    }

    @Test
    void aWordNotAfterASpaceIsCutIntoBareWordsOnly() {
        String text = "\u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0435\u043d\u0438\u0435";

        // "по" + "д" + "ключ" + "ение": " подключ" is held only with its space.
        assertThat(words.pieces(text, 0, text.length(), BARE)).isEqualTo(4);
    }

    @Test
    void theCutStopsAtTheEndGivenEvenInsideAWordHeld() {
        String text = "\u043f\u043e\u0434\u043a\u043b\u044e\u0447\u0435\u043d\u0438\u0435";

        // "подклю" given as the word: " подключ" needs a letter more, so " по" + "д" + "к" + "л" + "ю".
        assertThat(words.pieces(text, 0, 6, SPACED)).isEqualTo(5);
        assertThat(words.pieces(text, 7, text.length(), BARE)).isEqualTo(1);
        assertThat(words.pieces(text, 7, text.length() - 1, BARE)).isEqualTo(3);
    }

    @Test
    void lettersOfNoWordArePiecesOfTheirOwn() {
        assertThat(words.pieces("\u0436\u0443\u043a", 0, 3, SPACED)).isEqualTo(3);
        assertThat(words.pieces("\u0436", 0, 1, BARE)).isEqualTo(1);
        // Letters the table cannot hold (Greek Extended, Latin) end a piece: ключ + ἀ + x + ключ.
        assertThat(words.pieces("\u043a\u043b\u044e\u0447\u1f00x\u043a\u043b\u044e\u0447", 0, 10, BARE))
                .isEqualTo(4);
    }

    @Test
    void theReadingStopsAtLettersThatBeginNoWordHeld() {
        // "поезд" (train) is not held: "по" + "е" + "з" + "д".
        String text = "\u043f\u043e\u0435\u0437\u0434";

        assertThat(words.pieces(text, 0, text.length(), BARE)).isEqualTo(4);
    }

    @Test
    void formattedWordsReadBackAsTheSameWordsAndForms() throws IOException {
        ScriptVocabulary shipped = ScriptVocabulary.load("o200k_base");

        ScriptVocabulary read = ScriptVocabulary.parse("formatted", reader(shipped.format("comment")));

        assertThat(read.size()).isEqualTo(shipped.size()).isGreaterThan(10_000);
        assertThat(read.words()).isEqualTo(shipped.words());
        assertThat(read.format("comment")).isEqualTo(shipped.format("comment"));
    }

    @Test
    void theShippedWordsHaveTheFormsOfTheVocabulary() {
        Map<String, Integer> shipped = ScriptVocabulary.load("o200k_base").words();

        // " привет" (hello) is one o200k_base token; "ения" (an ending) is one without a space.
        assertThat(shipped.get("\u043f\u0440\u0438\u0432\u0435\u0442") & SPACED).isEqualTo(SPACED);
        assertThat(shipped.get("\u0435\u043d\u0438\u044f") & BARE).isEqualTo(BARE);
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndWhatIsAccepted() {
        assertThatThrownBy(() -> ScriptVocabulary.parse("script-vocabulary-o200k_base.txt",
                reader("# comment\nsb \u0441\u043b\u043e\u0432\u043e\nx \u043a\u043b\u044e\u0447\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("script-vocabulary-o200k_base.txt: line 3 \"x \u043a\u043b\u044e\u0447\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 letters or more, each between U+0370 and U+136E, not given before, such as"
                        + " \"sb \u0441\u043b\u043e\u0432\u043e\"");
    }

    @Test
    void aWordOfOneLetterOrGivenTwiceIsABadLine() {
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("s \u0436\n")))
                .hasMessageStartingWith("words.txt: line 1 \"s \u0436\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("s \u0436\u0443\nb \u0436\u0443\n")))
                .hasMessageStartingWith("words.txt: line 2 \"b \u0436\u0443\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("sb\n")))
                .hasMessageStartingWith("words.txt: line 1 \"sb\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("sb word\n")))
                .hasMessageStartingWith("words.txt: line 1 \"sb word\" is not valid;");
    }

    @Test
    void wordsOfTheWrongLengthOrFormAreRefusedWhenMade() {
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("\u0436", SPACED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"\u0436\": 1 letters; accepted: 2 or more, each between U+0370 and U+136E");
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("\u0436\u1f00", SPACED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"\u0436\u1f00\": 2 letters; accepted: 2 or more, each between U+0370 and U+136E");
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("\u0436\u0443", 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"\u0436\u0443\": forms 4; accepted: 1 (with a leading space), 2 (without), 3"
                        + " (both)");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
