package dev.poolsight.core.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random texts made of the pieces OpenAI's pre-tokenization patterns tell apart: letters of every case class
 * (in and beyond the Basic Multilingual Plane), marks of the three kinds, numbers of the three kinds, white space of
 * every kind including line breaks, the contractions in both cases and their near misses, punctuation and symbols,
 * emoji with joiners and variation selectors, controls, and lone surrogates of both halves.
 */
final class PatternFuzzTexts {

    private static final String[] PIECES = {
        // lower case, upper case, title case, modifier and other letters
        "a", "z", "q", "s", "\u00e9", "\u00df", "\u0438", "\uD835\uDC28",
        "A", "Z", "S", "\u00c9", "\u0416", "\uD835\uDC01",
        "\u01C5", "\u1F88",
        "\u02B0", "\u3005", "\uFF70",
        "\u4e2d", "\u3042", "\u0645", "\u05D0", "\u0E2A", "\uD840\uDC00",
        // non-spacing, spacing combining and enclosing marks
        "\u0301", "\u0E31", "\uD834\uDD67", "\u0903", "\u0BBE", "\u20DD",
        // decimal digits, letter numbers, other numbers
        "0", "7", "9", "\u0663", "\uD835\uDFCE", "\u216B", "\u3007", "\u00BD", "\u00B2",
        // white space: spaces, tabs, line breaks, and the rest of Unicode's White_Space
        " ", " ", " ", "  ", "\t", "\r", "\n", "\r\n", "\u000B", "\f", "\u0085", "\u00A0", "\u2028", "\u2029",
        "\u3000", "\u2009",
        // contractions in both cases, the long s, and near misses
        "'", "'s", "'S", "'t", "'T", "'re", "'RE", "'rE", "'ve", "'VE", "'m", "'M", "'ll", "'LL", "'lL", "'d", "'D",
        "'\u017F", "'r", "'v", "'l", "'x", "''", "\u2019s",
        // punctuation, symbols, the slash the symbols alternative takes after line breaks
        ".", ",", "!", "?", "-", "_", "(", ")", "{", "}", "\"", "/", "//", "\\", "=", "+", "<|endoftext|>", "\u20ac",
        "\u2014", "\u00ab", "\u3002", "\uff01",
        // emoji, joiners, variation selectors, formats and controls
        "\uD83D\uDE00", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC68\u200D\uD83D\uDC69", "\u2764\uFE0F", "\u200B",
        "\u200D", "\uFEFF", "\u0000", "\u0007", "\u007F", "\uFFFF",
        // lone halves of surrogate pairs
        "\uD83D", "\uDE00",
        // words, so that the letter runs and their case changes grow long
        "the", " the", "The", "HTTP", "Server", "getUserName", "iPhone", "don", "O", "Neil"};

    private PatternFuzzTexts() {
    }

    /** {@code count} texts of 0 to 40 pieces each, the same for the same {@code seed}. */
    static List<String> texts(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(41);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }
}
