package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactTokenCounterTest {

    private static final ExactTokenCounter O200K = ExactTokenCounter.forEncoding("o200k_base");
    private static final ExactTokenCounter CL100K = ExactTokenCounter.forEncoding("cl100k_base");

    /** Counts published in OpenAI's cookbook ("How to count tokens with tiktoken"). */
    @ParameterizedTest(name = "\"{0}\": o200k {1}, cl100k {2}")
    @CsvSource(delimiter = '|', value = {
        "hello world                  | 2 | 2",
        "tiktoken is great!           | 6 | 6",
        "antidisestablishmentarianism | 6 | 6",
        "2 + 2 = 4                    | 7 | 7",
        "お誕生日おめでとう             | 8 | 9"})
    void knownTextsHaveTheirPublishedCounts(String text, int o200k, int cl100k) {
        assertThat(O200K.count(text)).isEqualTo(o200k);
        assertThat(CL100K.count(text)).isEqualTo(cl100k);
    }

    @Test
    void specialTokenMarkersInUserTextAreCountedAsText() {
        assertThat(O200K.count("<|endoftext|>")).isEqualTo(7);
        assertThat(CL100K.count("<|endoftext|>")).isEqualTo(7);
        assertThat(O200K.count("Hello, <|endoftext|> world")).isEqualTo(10);
    }

    @Test
    void aTextIsKnownWithoutCountingOnceEachOfItsChunksWasCounted() {
        ExactTokenCounter fresh = ExactTokenCounter.forEncoding("o200k_base");
        String text = "Every connection of the pool is in use.";

        assertThat(fresh.countIfKnown(text)).isEqualTo(TokenCounter.UNKNOWN);
        int exact = 0;
        for (int i = 0; i < 5; i++) {
            exact = fresh.count(text); // a fresh memory learns four new chunks a text, then leaves the rest to jtokkit
        }
        assertThat(fresh.countIfKnown(text)).isEqualTo(exact);
        assertThat(fresh.countIfKnown("Every connection of the pool")).isEqualTo(fresh.count("Every connection of the pool"));
        assertThat(fresh.countIfKnown(text + " Unseen")).isEqualTo(TokenCounter.UNKNOWN);
    }

    @Test
    void aLongTextOrAnEncodingWithoutChunkMemoryIsNeverKnownWithoutCounting() {
        ExactTokenCounter fresh = ExactTokenCounter.forEncoding("o200k_base");
        String longText = "pool ".repeat(1_000);
        fresh.count(longText);
        ExactTokenCounter r50k = ExactTokenCounter.forEncoding("r50k_base");
        r50k.count("pool");

        assertThat(fresh.countIfKnown(longText)).isEqualTo(TokenCounter.UNKNOWN);
        assertThat(r50k.countIfKnown("pool")).isEqualTo(TokenCounter.UNKNOWN);
    }

    @Test
    void anEmptyTextHasNoTokens() {
        assertThat(O200K.count("")).isZero();
        assertThat(CL100K.count("")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"o200k_base", "cl100k_base", "p50k_base", "r50k_base", "p50k_edit"})
    void everyJtokkitEncodingCanBeChosenByName(String encoding) {
        assertThat(ExactTokenCounter.forEncoding(encoding).encodingName()).isEqualTo(encoding);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "gpt-5-mini,             o200k_base",
        "gpt-4.1,                o200k_base",
        "gpt-4o-2024-08-06,      o200k_base",
        "chatgpt-4o-latest,      o200k_base",
        "o1-preview,             o200k_base",
        "o3-mini,                o200k_base",
        "o4-mini,                o200k_base",
        "gpt-4-turbo,            cl100k_base",
        "gpt-4-0613,             cl100k_base",
        "gpt-3.5-turbo-0125,     cl100k_base",
        "text-embedding-ada-002, cl100k_base",
        "text-embedding-3-large, cl100k_base",
        "text-davinci-003,       p50k_base",
        "code-davinci-edit-001,  p50k_edit",
        "davinci,                r50k_base"})
    void everyModelFamilyGetsItsEncoding(String model, String encoding) {
        assertThat(ExactTokenCounter.forModel(model).encodingName()).isEqualTo(encoding);
    }

    @Test
    void anUnknownEncodingIsRejectedWithTheAcceptedNames() {
        assertThatThrownBy(() -> ExactTokenCounter.forEncoding("o100k_base"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("encoding=\"o100k_base\": unknown encoding; accepted: "
                        + "r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base");
    }

    @Test
    void anUnknownModelIsRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> ExactTokenCounter.forModel("llama-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model=\"llama-3\": unknown model; accepted: a name starting with gpt-5");
    }

    @Test
    void withoutSettingsTheEncodingIsO200k() {
        assertThat(ExactTokenCounter.fromEnvironment(Map.of()).encodingName()).isEqualTo("o200k_base");
    }

    @Test
    void tokenEncodingChoosesTheEncoding() {
        assertThat(ExactTokenCounter.fromEnvironment(Map.of("TOKEN_ENCODING", "cl100k_base")).encodingName())
                .isEqualTo("cl100k_base");
    }

    @Test
    void tokenModelChoosesTheModelsEncoding() {
        assertThat(ExactTokenCounter.fromEnvironment(Map.of("TOKEN_MODEL", "gpt-3.5-turbo")).encodingName())
                .isEqualTo("cl100k_base");
    }

    @Test
    void anUnknownTokenModelIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> ExactTokenCounter.fromEnvironment(Map.of("TOKEN_MODEL", "llama-3")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TOKEN_MODEL=\"llama-3\": unknown model; accepted: a name starting with gpt-5");
    }

    @Test
    void anUnknownTokenEncodingIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> ExactTokenCounter.fromEnvironment(Map.of("TOKEN_ENCODING", "gpt-4o")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TOKEN_ENCODING=\"gpt-4o\": unknown encoding; accepted: "
                        + "r50k_base, p50k_base, p50k_edit, cl100k_base, o200k_base");
    }

    @Test
    void anEmptySettingIsRejected() {
        assertThatThrownBy(() -> ExactTokenCounter.fromEnvironment(Map.of("TOKEN_MODEL", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TOKEN_MODEL=\"\": empty; accepted: ")
                .hasMessageEndingWith("(leave the variable unset for the default, o200k_base)");
    }

    @Test
    void settingBothVariablesIsRejected() {
        assertThatThrownBy(() -> ExactTokenCounter.fromEnvironment(
                Map.of("TOKEN_ENCODING", "cl100k_base", "TOKEN_MODEL", "gpt-4o")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TOKEN_ENCODING=\"cl100k_base\" and TOKEN_MODEL=\"gpt-4o\": both set; "
                        + "accepted: one of them, or neither for o200k_base");
    }
}
