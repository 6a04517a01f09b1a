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
    private final ScriptVocabulary words = ScriptVocabulary.of(Map.of("подключ", SPACED, "ение", BARE, "ения", BARE,
            "ключ", SPACED | BARE, "по", SPACED | BARE));

    @Test
    void aWordAfterASpaceIsCutIntoTheLongestWordsFirstSpacedThenBare() {
        String text = "x подключение";

        // " подключ" + "ение", not " по" + ...
        assertThat(words.pieces(text, 2, text.length(), SPACED)).isEqualTo(2);
    }

    @Test
    void aWordNotAfterASpaceIsCutIntoBareWordsOnly() {
        String text = "подключение";

        // "по" + "д" + "ключ" + "ение": " подключ" is held only with its space.
        assertThat(words.pieces(text, 0, text.length(), BARE)).isEqualTo(4);
    }

    @Test
    void theCutStopsAtTheEndGivenEvenInsideAWordHeld() {
        String text = "подключение";

        // "подклю" given as the word: " подключ" needs a letter more, so " по" + "д" + "к" + "л" + "ю".
        assertThat(words.pieces(text, 0, 6, SPACED)).isEqualTo(5);
        assertThat(words.pieces(text, 7, text.length(), BARE)).isEqualTo(1);
        assertThat(words.pieces(text, 7, text.length() - 1, BARE)).isEqualTo(3);
    }

    @Test
    void lettersOfNoWordArePiecesOfTheirOwn() {
        assertThat(words.pieces("жук", 0, 3, SPACED)).isEqualTo(3);
        assertThat(words.pieces("ж", 0, 1, BARE)).isEqualTo(1);
        // Letters the table cannot hold (Greek Extended, Latin) end a piece: ключ + ἀ + x + ключ.
        assertThat(words.pieces("ключἀxключ", 0, 10, BARE)).isEqualTo(4);
    }

    @Test
    void wordsOfIndicScriptsAreHeldToo() {
        // नमस्ते (hello): " नम" held with a space, "स्ते" bare.
        ScriptVocabulary hindi = ScriptVocabulary.of(Map.of("नम", SPACED, "स्ते", BARE));

        assertThat(hindi.pieces(" नमस्ते", 1, 7, SPACED)).isEqualTo(2);
    }

    @Test
    void theReadingStopsAtLettersThatBeginNoWordHeld() {
        // "поезд" (train) is not held: "по" + "е" + "з" + "д".
        String text = "поезд";

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
        assertThat(shipped.get("привет") & SPACED).isEqualTo(SPACED);
        assertThat(shipped.get("ения") & BARE).isEqualTo(BARE);
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndWhatIsAccepted() {
        assertThatThrownBy(() -> ScriptVocabulary.parse("script-vocabulary-o200k_base.txt",
                reader("# comment\nsb слово\nx ключ\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("script-vocabulary-o200k_base.txt: line 3 \"x ключ\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 letters or more, each between U+0370 and U+136E, not given before, such as"
                        + " \"sb слово\"");
    }

    @Test
    void aWordOfOneLetterOrGivenTwiceIsABadLine() {
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("s ж\n")))
                .hasMessageStartingWith("words.txt: line 1 \"s ж\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("s жу\nb жу\n")))
                .hasMessageStartingWith("words.txt: line 2 \"b жу\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("sb\n")))
                .hasMessageStartingWith("words.txt: line 1 \"sb\" is not valid;");
        assertThatThrownBy(() -> ScriptVocabulary.parse("words.txt", reader("sb word\n")))
                .hasMessageStartingWith("words.txt: line 1 \"sb word\" is not valid;");
    }

    @Test
    void wordsOfOneLetterOrOfLettersBeyondTheTableOrOfAnUnknownFormAreRefused() {
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("ж", SPACED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"ж\" is not accepted; accepted: 2 letters or more, each between U+0370 and U+136E");
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("жἀ", SPACED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"жἀ\" is not accepted; accepted: 2 letters or more, each between U+0370 and U+136E");
        assertThatThrownBy(() -> ScriptVocabulary.of(Map.of("жу", 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"жу\": forms 4; accepted: 1 (with a leading space), 2 (without), 3"
                        + " (both)");
    }

    @Test
    void latinWordsAreCutTheSameWay() {
        // obrigado (thank you): " obrig" held with a space, "ado" bare; "obrigado" bare only.
        ScriptVocabulary latin = ScriptVocabulary.of(ScriptVocabulary.Alphabet.LATIN,
                Map.of("obrig", SPACED, "ado", BARE, "obrigado", BARE));

        assertThat(latin.pieces(" obrigado", 1, 9, SPACED)).isEqualTo(2);
        assertThat(latin.pieces("obrigado", 0, 8, BARE)).isEqualTo(1);
        // A letter beyond Latin Extended-B (Vietnamese ạ) is a piece of its own: obrig + ạ + ado.
        assertThat(latin.pieces(" obrig\u1ea1ado", 1, 10, SPACED)).isEqualTo(3);
    }

    @Test
    void formattedLatinWordsReadBackAsTheSameWordsAndForms() throws IOException {
        ScriptVocabulary shipped = ScriptVocabulary.load(ScriptVocabulary.Alphabet.LATIN, "cl100k_base");

        ScriptVocabulary read = ScriptVocabulary.parse(ScriptVocabulary.Alphabet.LATIN, "formatted",
                reader(shipped.format("comment")));

        assertThat(read.size()).isEqualTo(shipped.size()).isGreaterThan(10_000);
        assertThat(read.words()).isEqualTo(shipped.words());
    }

    @Test
    void theShippedLatinWordsHaveTheFormsOfTheVocabulary() {
        Map<String, Integer> shipped = ScriptVocabulary.load(ScriptVocabulary.Alphabet.LATIN, "o200k_base").words();

        // " obrigado" is one o200k_base token with its space, "Obrigado" one without; "ção" an ending.
        assertThat(shipped.get("obrigado")).isEqualTo(SPACED);
        assertThat(shipped.get("Obrigado")).isEqualTo(BARE);
        assertThat(shipped.get("ção")).isEqualTo(BARE);
        assertThat(shipped.get("the")).isEqualTo(SPACED | BARE);
    }

    @Test
    void aBadLineOfLatinWordsNamesTheLettersAcceptedForLatin() {
        assertThatThrownBy(() -> ScriptVocabulary.parse(ScriptVocabulary.Alphabet.LATIN,
                "latin-vocabulary-o200k_base.txt", reader("sb palavra\nsb слово\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("latin-vocabulary-o200k_base.txt: line 2 \"sb слово\" is not valid;"
                        + " accepted: s (held with a leading space), b (held bare) or sb (both), a space and a word"
                        + " of 2 letters or more, each between U+0041 and U+024F, not given before, such as"
                        + " \"sb palavra\"");
        assertThatThrownBy(() -> ScriptVocabulary.of(ScriptVocabulary.Alphabet.LATIN, Map.of("n\u1ea1", SPACED)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word \"n\u1ea1\" is not accepted; accepted: 2 letters or more, each between U+0041 and"
                        + " U+024F");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
