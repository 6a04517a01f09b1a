package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.tokens.EdgeTexts.EdgeText;
import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Cl100kPreTokenizerTest {

    /** tiktoken's {@code cl100k_base} pattern, which jtokkit's parser for it follows. */
    private static final Pattern TIKTOKEN_CL100K = Pattern.compile("'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+"
            + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private final Cl100kPreTokenizer preTokenizer = new Cl100kPreTokenizer();

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "` Hello world, it's HTTPServerError's fault!`|` Hello| world|,| it|'s| HTTPServerError|'s| fault|!`",
        "`'sup 'Ll 'x`|`'s|up| '|Ll| '|x`",
        "`x   y`|`x|  | y`",
        "`x \n\n  y  `|`x| \n\n| | y|  `",
        "`12345 678`|`123|45| |678`",
        "`a!\n/b`|`a|!\n|/b`",
        "`e\u0301t\u00e9 \u0301x`|`e|\u0301t\u00e9| \u0301|x`"})
    void splitsAsTheCl100kPatternDoes(String text, String chunks) {
        assertThat(chunks(text)).containsExactly(chunks.split("\\|"));
    }

    @Test
    void everyCorpusMessageSplitsIntoTheRegexChunks() {
        for (Message message : TokenCorpus.messages()) {
            assertThat(chunks(message.text())).as(message.text()).isEqualTo(regexChunks(message.text()));
        }
    }

    @Test
    void everyEdgeTextSplitsIntoTheRegexChunks() {
        for (EdgeText edge : EdgeTexts.all()) {
            assertThat(chunks(edge.text())).as(edge.name()).isEqualTo(regexChunks(edge.text()));
        }
    }

    @Test
    void randomTextsOfEveryCategorySplitIntoTheRegexChunks() {
        for (String text : PatternFuzzTexts.texts(13, 20_000)) {
            assertThat(chunks(text)).as(ChunkLists.escaped(text)).isEqualTo(regexChunks(text));
        }
    }

    private List<String> chunks(String text) {
        return ChunkLists.chunks(preTokenizer, text);
    }

    private static List<String> regexChunks(String text) {
        return ChunkLists.regexChunks(TIKTOKEN_CL100K, text);
    }
}
