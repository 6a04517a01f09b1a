package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the words of each language in Latin script cost, measured word by word, and which function words hint its
 * texts: the measurements behind the Latin-script part of issue 17 in {@code docs/token-estimator.md}. For each
 * encoding and language of {@link HintWords#LANGUAGE_WORDS}, every Latin word of the language's corpus messages is
 * counted exactly (jtokkit, with its leading space): the tokens a letter of its words of ASCII letters, and, for each
 * accented letter, what a word with it costs beyond the same word with its accents taken off. Then the function
 * words its texts hold, by the language whose list has them. Skipped unless {@code -Dtoken-estimator.latin=true}.
 */
@EnabledIfSystemProperty(named = "token-estimator.latin", matches = "true")
class TokenEstimatorLatinWords {

    private static final Pattern LATIN_WORD = Pattern.compile("[\\p{IsLatin}&&\\p{L}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final int FEWEST_WORDS_PER_LETTER = 3; // letters in fewer words are left out of the print

    private final List<Message> messages = TokenCorpus.messages();

    @Test
    void printsWhatTheWordsOfEachLanguageCostAndWhichFunctionWordsHintItsTexts() {
        for (String encoding : List.of("o200k_base", "cl100k_base")) {
            ExactTokenCounter exact = ExactTokenCounter.forEncoding(encoding);
            for (String language : HintWords.LANGUAGE_WORDS.keySet()) {
                double[] ascii = new double[2]; // tokens, letters
                Map<Character, double[]> accents = new TreeMap<>(); // tokens beyond the word without accents, words
                for (String word : words(language)) {
                    int tokens = exact.count(" " + word);
                    if (word.chars().allMatch(c -> c < 0x80)) {
                        ascii[0] += tokens;
                        ascii[1] += word.length();
                        continue;
                    }
                    String plain = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
                    int extra = tokens - exact.count(" " + plain);
                    word.chars().filter(c -> c >= 0x80).distinct().forEach(c -> {
                        double[] sum = accents.computeIfAbsent((char) c, k -> new double[2]);
                        sum[0] += extra;
                        sum[1]++;
                    });
                }
                StringBuilder letters = new StringBuilder();
                accents.forEach((letter, sum) -> {
                    if (sum[1] >= FEWEST_WORDS_PER_LETTER) {
                        letters.append(String.format(Locale.ROOT, " %c %+.2f (%d)", letter, sum[0] / sum[1],
                                (int) sum[1]));
                    }
                });
                System.out.printf(Locale.ROOT, "[token-estimator-latin] %s %s: ASCII words %.3f tokens a letter;"
                        + " a word with the accented letter beyond it without accents (words):%s%n", encoding,
                        language, ascii[0] / ascii[1], letters);
                assertThat(ascii[1]).as("letters of %s's ASCII words", language).isPositive();
            }
        }
        for (String language : HintWords.LANGUAGE_WORDS.keySet()) {
            System.out.printf(Locale.ROOT, "[token-estimator-latin] function words in %s texts, by list: %s%n",
                    language, functionWords(language));
        }
    }

    /** The Latin words of the language's corpus messages, in their order. */
    private List<String> words(String language) {
        return messages.stream().filter(m -> language.equals(m.language()))
                .flatMap(m -> LATIN_WORD.matcher(m.text()).results().map(MatchResult::group)).toList();
    }

    /**
     * How many of the language's words are function words of each list: each language's own table puts that
     * language's words on the middle curve and every other on the well-known one, so that a tally tells them apart.
     */
    private Map<String, Integer> functionWords(String language) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String list : HintWords.LANGUAGE_WORDS.keySet()) {
            Map<String, String> kinds = new LinkedHashMap<>();
            HintWords.LANGUAGE_WORDS.keySet().forEach(l -> kinds.put(l, l.equals(list) ? "middle" : "foreign"));
            HintWords hints = new HintWords(kinds);
            int found = words(language).stream()
                    .mapToInt(w -> HintWords.middle(hints.tally(HintWords.key(w, 0, w.length())))).sum();
            if (found > 0) {
                counts.put(list, found);
            }
        }
        return counts;
    }
}
