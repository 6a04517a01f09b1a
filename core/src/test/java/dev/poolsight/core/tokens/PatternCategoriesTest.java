package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PatternCategoriesTest {

    @Test
    void everyCodePointIsInTheCategoriesTheRegexEngineGivesIt() {
        Map<Integer, Matcher> classes = new LinkedHashMap<>();
        classes.put(PatternCategories.LETTER, matcher("\\p{L}"));
        classes.put(PatternCategories.NUMBER, matcher("\\p{N}"));
        classes.put(PatternCategories.WHITESPACE, matcher("\\s"));
        classes.put(PatternCategories.LINE_BREAK, matcher("[\\r\\n]"));
        classes.put(PatternCategories.UPPER_LIKE, matcher("[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]"));
        classes.put(PatternCategories.LOWER_LIKE, matcher("[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]"));
        classes.put(PatternCategories.WORD_PREFIX, matcher("[^\\r\\n\\p{L}\\p{N}]"));
        classes.put(PatternCategories.SYMBOL, matcher("[^\\s\\p{L}\\p{N}]"));

        int wrong = 0;
        String firstWrong = null;
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String character = Character.toString(codePoint);
            int categories = PatternCategories.of(codePoint);
            for (Map.Entry<Integer, Matcher> category : classes.entrySet()) {
                boolean inCategory = (categories & category.getKey()) != 0;
                if (inCategory != category.getValue().reset(character).matches()) {
                    wrong++;
                    if (firstWrong == null) {
                        firstWrong = String.format("U+%04X in %s: %s", codePoint, category.getValue().pattern(),
                                inCategory);
                    }
                }
            }
        }
        assertThat(wrong).as("code points in the wrong category, first: %s", firstWrong).isZero();
    }

    private static Matcher matcher(String characterClass) {
        return Pattern.compile(characterClass, Pattern.UNICODE_CHARACTER_CLASS).matcher("");
    }
}
