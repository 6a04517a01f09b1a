package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EstimatorPricesTest {

    @Test
    void formattedPricesReadBackAsTheSamePrices() throws IOException {
        EstimatorPrices shipped = EstimatorPrices.load("o200k_base");

        EstimatorPrices read = EstimatorPrices.parse("o200k_base", "formatted", properties(shipped.format("comment")));

        assertThat(read).isEqualTo(shipped);
    }

    @Test
    void aPriceThatIsNotANumberIsNamedWithItsValue() throws IOException {
        Properties properties = properties(EstimatorPrices.load("cl100k_base").format("comment"));
        properties.setProperty("digitGroup", "one");

        assertThatThrownBy(() -> EstimatorPrices.parse("cl100k_base", "prices-cl100k_base.properties", properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("prices-cl100k_base.properties: digitGroup=\"one\" is not valid; accepted: a number of"
                        + " tokens, such as 0.5");
    }

    @Test
    void aMissingCurveIsNamed() throws IOException {
        Properties properties = properties(EstimatorPrices.load("cl100k_base").format("comment"));
        properties.remove("script.thai.marked");

        assertThatThrownBy(() -> EstimatorPrices.parse("cl100k_base", "prices-cl100k_base.properties", properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("prices-cl100k_base.properties: script.thai.marked is missing; accepted: 3 numbers"
                        + " separated by spaces");
    }

    @Test
    void curvesOfOtherLanguagesWithDifferentKneesAreRejectedWithTheirValues() throws IOException {
        Properties properties = properties(EstimatorPrices.load("o200k_base").format("comment"));
        properties.setProperty("word.foreign", "1.0 4.0 0.2");
        properties.setProperty("word.middle", "1.2 4.0 0.1");
        properties.setProperty("word.distant", "1.3 3.0 0.3");

        assertThatThrownBy(() -> EstimatorPrices.parse("o200k_base", "prices-o200k_base.properties", properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word curves of other languages: 1.0 4.0 0.2, 1.2 4.0 0.1, 1.3 3.0 0.3; expected one knee"
                        + " shared by all, and one slope each");
    }

    @Test
    void aLanguageKindThatIsNoCurveIsNamedWithItsValue() throws IOException {
        Properties properties = properties(EstimatorPrices.load("o200k_base").format("comment"));
        properties.setProperty("language.nl", "germanic");

        assertThatThrownBy(() -> EstimatorPrices.parse("o200k_base", "prices-o200k_base.properties", properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("prices-o200k_base.properties: language.nl=\"germanic\" is not valid; accepted: one of"
                        + " [foreign, middle, distant]");
    }

    private static Properties properties(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
