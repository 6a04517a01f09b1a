package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.core.tokens.EdgeTexts.EdgeText;
import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each pre-tokenizer splits every text into the chunks of the pattern it stands in for. */
class PreTokenizerTest {

    /** The pattern and flag of jtokkit 1.1.0's {@code o200k_base} ({@code EncodingFactory.o200kBase()}). */
    private static final Pattern JTOKKIT_O200K = Pattern.compile(String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*"
                    + "(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+"), Pattern.UNICODE_CHARACTER_CLASS);

    /** tiktoken's {@code cl100k_base} pattern, which jtokkit's parser for it follows. */
    private static final Pattern TIKTOKEN_CL100K = Pattern.compile(
            "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*"
                    + "|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);

    private static Stream<Arguments> preTokenizers() {
        return Stream.of(
                Arguments.of("o200k_base", new O200kPreTokenizer(), JTOKKIT_O200K),
                Arguments.of("cl100k_base", new Cl100kPreTokenizer(), TIKTOKEN_CL100K));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "o200k_base|` Hello world, it's HTTPServerError's fault!`"
                + "|` Hello| world|,| it's| HTTPServer|Error's| fault|!`",
        "o200k_base|`x   y`|`x|  | y`",
        "o200k_base|`x \n\n  y  `|`x| \n\n| | y|  `",
        "o200k_base|`12345 678`|`123|45| |678`",
        "o200k_base|`a!\n/b`|`a|!\n/|b`",
        "o200k_base|`e\u0301t\u00e9 \u0301x`|`e\u0301t\u00e9| \u0301x`",
        "o200k_base|`\uD83D\uDE00\uD83D\uDE00 ok`|`\uD83D\uDE00\uD83D\uDE00| ok`",
        "cl100k_base|` Hello world, it's HTTPServerError's fault!`"
                + "|` Hello| world|,| it|'s| HTTPServerError|'s| fault|!`",
        "cl100k_base|`'sup 'Ll 'x`|`'s|up| '|Ll| '|x`",
        "cl100k_base|`x   y`|`x|  | y`",
        "cl100k_base|`x \n\n  y  `|`x| \n\n| | y|  `",
        "cl100k_base|`12345 678`|`123|45| |678`",
        "cl100k_base|`a!\n/b`|`a|!\n|/b`",
        "cl100k_base|`e\u0301t\u00e9 \u0301x`|`e|\u0301t\u00e9| \u0301|x`"})
    void splitsAsItsPatternDoes(String encoding, String text, String chunks) {
        PreTokenizer preTokenizer = encoding.equals("o200k_base") ? new O200kPreTokenizer() : new Cl100kPreTokenizer();
        assertThat(ChunkLists.chunks(preTokenizer, text)).containsExactly(chunks.split("\\|"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preTokenizers")
    void everyCorpusMessageSplitsIntoTheRegexChunks(String encoding, PreTokenizer preTokenizer, Pattern pattern) {
        for (Message message : TokenCorpus.messages()) {
            assertThat(ChunkLists.chunks(preTokenizer, message.text())).as(message.text())
                    .isEqualTo(ChunkLists.regexChunks(pattern, message.text()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preTokenizers")
    void everyEdgeTextSplitsIntoTheRegexChunks(String encoding, PreTokenizer preTokenizer, Pattern pattern) {
        for (EdgeText edge : EdgeTexts.all()) {
            assertThat(ChunkLists.chunks(preTokenizer, edge.text())).as(edge.name())
                    .isEqualTo(ChunkLists.regexChunks(pattern, edge.text()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("preTokenizers")
    void randomTextsOfEveryCategorySplitIntoTheRegexChunks(String encoding, PreTokenizer preTokenizer,
            Pattern pattern) {
        for (String text : PatternFuzzTexts.texts(13, 20_000)) {
            assertThat(ChunkLists.chunks(preTokenizer, text)).as(ChunkLists.escaped(text))
                    .isEqualTo(ChunkLists.regexChunks(pattern, text));
        }
    }
}
