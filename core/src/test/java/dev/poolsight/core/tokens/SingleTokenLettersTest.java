package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class SingleTokenLettersTest {

    @Test
    void formattedLettersReadBackAsTheSameLetters() throws IOException {
        SingleTokenLetters shipped = SingleTokenLetters.load("o200k_base");

        SingleTokenLetters read = SingleTokenLetters.parse("formatted", reader(shipped.format("comment")));

        assertThat(read).isEqualTo(shipped);
    }

    @Test
    void rangesAndSingleCodePointsAreRead() throws IOException {
        SingleTokenLetters letters = SingleTokenLetters.parse("test", reader("# comment\n4E00-4E02\n0430\n"));

        assertThat(letters.contains('\u4E00')).isTrue();
        assertThat(letters.contains('\u4E02')).isTrue();
        assertThat(letters.contains('\u0430')).isTrue();
        assertThat(letters.contains('\u4E03')).isFalse();
        assertThat(letters.contains('\u0431')).isFalse();
    }

    @Test
    void theVocabularyOfO200kHoldsCommonHanCharactersThatCl100kSplitsIntoBytes() {
        char common = '\u4E5D'; // 九, "nine": one token in o200k_base, its bytes in cl100k_base

        assertThat(SingleTokenLetters.load("o200k_base").contains(common)).isTrue();
        assertThat(SingleTokenLetters.load("cl100k_base").contains(common)).isFalse();
    }

    @Test
    void aLineThatIsNotARangeIsNamedWithItsNumber() {
        assertThatThrownBy(() -> SingleTokenLetters.parse("single-token-letters-o200k_base.txt",
                reader("# comment\n4E00-4E02\n4E05-4E01\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("single-token-letters-o200k_base.txt: line 3 \"4E05-4E01\" is not valid; accepted: a code"
                        + " point below 10000 in hexadecimal, such as 4E00, or a range such as 4E00-4E03");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
