package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractionsTest {

    private static final Matcher REGEX = Pattern.compile("(?i:'s|'t|'re|'ve|'m|'ll|'d)",
            Pattern.UNICODE_CHARACTER_CLASS).matcher("");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "'s|2", "'S|2", "'\u017F|2", "'t|2", "'re|3", "'RE|3", "'rE|3", "'ve|3", "'m|2", "'ll|3", "'Ll|3", "'d|2",
        "'|0", "'r|0", "'x|0", "'lx|0", "\u2019s|0", "s|0"})
    void aContractionEndsAfterItsLetters(String text, int end) {
        assertThat(Contractions.end(text, 0, text.length())).isEqualTo(end);
    }

    @Test
    void everyCharacterInEveryPlaceOfAContractionMatchesAsInTheRegex() {
        List<String> wrong = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char character = (char) c;
            for (String rest : new String[] {"", "e", "E", "l", "L", "x"}) {
                check("'" + character + rest, wrong);
            }
            for (String second : new String[] {"r", "R", "v", "V", "l", "L", "s", "x"}) {
                check("'" + second + character, wrong);
            }
            check(character + "s", wrong);
        }
        assertThat(wrong).as("texts whose contraction ends elsewhere than in the regex").isEmpty();
    }

    private static void check(String text, List<String> wrong) {
        int expected = REGEX.reset(text).lookingAt() ? REGEX.end() : 0;
        if (Contractions.end(text, 0, text.length()) != expected) {
            wrong.add(text);
        }
    }
}
