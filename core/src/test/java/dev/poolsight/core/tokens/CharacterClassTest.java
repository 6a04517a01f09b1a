package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterClassTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u0456", "\u0457", "\u0454", "\u0491", "\u0458", "\u0459", "\u045a", "\u045b",
        "\u0452", "\u045f", "\u045e", "\u044a\u0433", "\u064e", "\u067e", "\u05b8", "\u1f00"})
    void lettersTheMainLanguageOfTheirScriptLacksAreMarked(String text) {
        assertThat(CharacterClass.isMarkedLetter(text, 0, text.length())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u0430", "\u044f", "\u0451", "\u0401", "\u044a\u0435", "\u044a\u044f", "\u0628",
        "\u05d0", "\u03ac", "a", "\u4e2d"})
    void lettersOfTheMainLanguageAreNotMarked(String text) {
        assertThat(CharacterClass.isMarkedLetter(text, 0, text.length())).isFalse();
    }
}
