package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelEncodingsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelType.class)
    void everyModelJtokkitKnowsKeepsItsEncoding(ModelType model) {
        assertThat(ModelEncodings.encodingFor(model.getName())).isEqualTo(model.getEncodingType());
    }

    @ParameterizedTest(name = "{0} -> o200k_base")
    @ValueSource(strings = {"gpt-4o", "gpt-4o-2024-08-06", "gpt-4o-mini", "chatgpt-4o-latest", "gpt-4.1", "gpt-4.1-mini",
        "gpt-4.1-nano-2025-04-14", "gpt-4.5-preview", "gpt-5", "gpt-5-mini", "gpt-5.1", "o1", "o1-mini", "o1-preview",
        "o3", "o3-mini", "o4-mini"})
    void newerFamiliesUseO200k(String model) {
        assertThat(ModelEncodings.encodingFor(model)).isEqualTo(EncodingType.O200K_BASE);
    }

    @ParameterizedTest(name = "{0} -> cl100k_base")
    @ValueSource(strings = {"gpt-4", "gpt-4-0613", "gpt-4-turbo", "gpt-4-turbo-2024-04-09", "gpt-4-32k", "gpt-4-vision-preview",
        "gpt-3.5-turbo", "gpt-3.5-turbo-0125", "gpt-3.5-turbo-16k", "gpt-35-turbo", "text-embedding-ada-002",
        "text-embedding-3-small", "text-embedding-3-large"})
    void olderGpt4AndGpt35AndEmbeddingsUseCl100k(String model) {
        assertThat(ModelEncodings.encodingFor(model)).isEqualTo(EncodingType.CL100K_BASE);
    }

    @Test
    void gpt4oAndGpt41AreNotTakenForGpt4() {
        assertThat(ModelEncodings.encodingFor("gpt-4")).isEqualTo(EncodingType.CL100K_BASE);
        assertThat(ModelEncodings.encodingFor("gpt-4o")).isEqualTo(EncodingType.O200K_BASE);
        assertThat(ModelEncodings.encodingFor("gpt-4.1")).isEqualTo(EncodingType.O200K_BASE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ft:gpt-4o-mini-2024-07-18:acme::9xQ2mB7a, o200k_base",
        "ft:gpt-3.5-turbo-0125:acme:support:8kLmN0pQ, cl100k_base"})
    void aFineTunedModelUsesItsBaseModelsEncoding(String model, String encoding) {
        assertThat(ModelEncodings.encodingFor(model).getName()).isEqualTo(encoding);
    }

    @Test
    void caseAndSurroundingSpacesDoNotMatter() {
        assertThat(ModelEncodings.encodingFor("  GPT-4o-Mini ")).isEqualTo(EncodingType.O200K_BASE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"llama-3", "claude-3-5-sonnet", "gpt", "mistral-large", "4o"})
    void otherModelsAreUnknown(String model) {
        assertThat(ModelEncodings.find(model)).isEmpty();
    }

    @Test
    void anUnknownModelIsRejectedWithWhatIsAccepted() {
        assertThatThrownBy(() -> ModelEncodings.encodingFor("llama-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model=\"llama-3\": unknown model; accepted: a name starting with gpt-5, ")
                .hasMessageContaining("gpt-4o")
                .hasMessageContaining("(o200k_base)")
                .hasMessageContaining("text-embedding-ada-002")
                .hasMessageContaining("text-davinci-003");
    }

    @Test
    void anEmptyModelNameIsRejected() {
        assertThatThrownBy(() -> ModelEncodings.encodingFor(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("model=\" \": empty; accepted: ");
    }
}
