package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CjkVocabularyTest {

    @Test
    void aRunIsCutIntoTheLongestWordsThatStartWhereTheLastEnded() {
        // 数据 (data), 数据库 (database), 连接 (connection): 数据库连接池 is 数据库 + 连接 + 池.
        CjkVocabulary words = CjkVocabulary.of(List.of("\u6570\u636e", "\u6570\u636e\u5e93", "\u8fde\u63a5"));
        String text = "x\u6570\u636e\u5e93\u8fde\u63a5\u6c60";

        assertThat(words.pieces(text, 1, text.length())).isEqualTo(3);
        assertThat(words.pieces(text, 1, 3)).isEqualTo(1);
    }

    @Test
    void lettersOfNoWordArePiecesOfTheirOwn() {
        CjkVocabulary words = CjkVocabulary.of(List.of("\u6570\u636e"));

        assertThat(words.pieces("\u6c60\u5b50\u91cc", 0, 3)).isEqualTo(3);
    }

    @Test
    void formattedWordsReadBackAsTheSameWords() throws IOException {
        CjkVocabulary shipped = CjkVocabulary.load("o200k_base");

        CjkVocabulary read = CjkVocabulary.parse("formatted", reader(shipped.format("comment")));

        assertThat(read.size()).isEqualTo(shipped.size()).isGreaterThan(1000);
        assertThat(read.format("comment")).isEqualTo(shipped.format("comment"));
    }

    @Test
    void aLineThatIsNotAWordOfTwoToFourLettersIsNamedWithItsNumber() {
        assertThatThrownBy(() -> CjkVocabulary.parse("cjk-vocabulary-o200k_base.txt",
                reader("# comment\n\u6570\u636e\n\u6570\u636e\u5e93\u8fde\u63a5\u6c60\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cjk-vocabulary-o200k_base.txt: line 3 \"\u6570\u636e\u5e93\u8fde\u63a5\u6c60\" is not"
                        + " valid; accepted: a word of 2 to 4 letters, such as \u6570\u636e");
    }

    private static BufferedReader reader(String text) {
        return new BufferedReader(new StringReader(text));
    }
}
