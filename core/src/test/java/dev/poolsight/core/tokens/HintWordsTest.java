package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintWordsTest {

    private static final List<String> LANGUAGES = List.copyOf(HintWords.LANGUAGE_WORDS.keySet());

    @Test
    void eachFunctionWordIsFoundAsEnglishOrAsItsLanguage() {
        assertThat(find("the")).isEqualTo(HintWords.ENGLISH);
        assertThat(find("der")).isEqualTo(languageClass("de"));
        assertThat(find("het")).isEqualTo(languageClass("nl"));
        assertThat(find("che")).isEqualTo(languageClass("it"));
        assertThat(find("si\u0119")).isEqualTo(languageClass("pl"));
        assertThat(find("och")).isEqualTo(languageClass("sv"));
        assertThat(find("i\u00e7in")).isEqualTo(languageClass("tr"));
    }

    @Test
    void everyLanguageHasAClassOfItsOwnBelowTheClassesCount() {
        assertThat(LANGUAGES.stream().map(HintWordsTest::languageClass).distinct())
                .hasSize(LANGUAGES.size())
                .allMatch(c -> c > HintWords.ENGLISH && c < HintWords.HINT_CLASSES);
    }

    @Test
    void hintsAreTalliedAsEnglishOrAsOneOfTheListedLanguages() {
        long tally = HintWords.tally(find("the")) + HintWords.tally(find("and")) + HintWords.tally(find("der"))
                + HintWords.tally(find("che")) + HintWords.tally(find("connection"));

        assertThat(HintWords.english(tally)).isEqualTo(2);
        assertThat(HintWords.languages(tally)).isEqualTo(2);
        assertThat(HintWords.foreign(tally) + HintWords.distant(tally)).isZero();
    }

    @Test
    void aWordThatIsNoHintIsFoundAsNone() {
        assertThat(find("connection")).isEqualTo(HintWords.NO_HINT);
        assertThat(find("Warszawie")).isEqualTo(HintWords.NO_HINT);
        assertThat(HintWords.tally(HintWords.NO_HINT)).isZero();
    }

    @Test
    void aWordWithALetterBeyondAsciiIsNotTakenForAnAsciiWord() {
        // Shifted into the key as they are, the high bits of å would overlap the t before it: på would be te.
        assertThat(find("p\u00e5")).isEqualTo(languageClass("sv"));
        assertThat(find("te")).isEqualTo(HintWords.NO_HINT);
    }

    @Test
    void accentedLettersAreHintsOfTheirBlock() {
        assertThat(HintWords.foreign(HintWords.FOREIGN_LETTER)).isEqualTo(1);
        assertThat(HintWords.distant(HintWords.DISTANT_LETTER)).isEqualTo(1);
        assertThat(HintWords.english(HintWords.FOREIGN_LETTER + HintWords.DISTANT_LETTER)).isZero();
        assertThat(HintWords.languages(HintWords.FOREIGN_LETTER + HintWords.DISTANT_LETTER)).isZero();
    }

    private static int languageClass(String language) {
        return HintWords.languageClass(LANGUAGES.indexOf(language));
    }

    private static int find(String word) {
        return HintWords.find(HintWords.key(word, 0, word.length()));
    }
}
