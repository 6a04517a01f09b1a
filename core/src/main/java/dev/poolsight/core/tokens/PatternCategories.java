package dev.poolsight.core.tokens;

/**
 * The character classes that OpenAI's pre-tokenization patterns are written in, as bits of one small int per code
 * point, with the meanings {@code java.util.regex} gives them under {@code UNICODE_CHARACTER_CLASS}, the flag jtokkit
 * compiles the patterns with: {@code \p{L}}, {@code \p{N}} and {@code \p{M}} are the general categories, {@code \s}
 * is Unicode's White_Space (the separators, tab to carriage return, and U+0085).
 *
 * <p>The Basic Multilingual Plane is looked up in a table filled once (64 KiB), because the pre-tokenizers ask for
 * every character of every text; code points beyond it, rarer, are classified when asked.
 */
final class PatternCategories {

    /** {@code \p{L}}. */
    static final int LETTER = 1;
    /** {@code \p{N}}. */
    static final int NUMBER = 1 << 1;
    /** {@code \s}. */
    static final int WHITESPACE = 1 << 2;
    /** {@code [\r\n]}. */
    static final int LINE_BREAK = 1 << 3;
    /** {@code [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]}: what may begin an o200k word. */
    static final int UPPER_LIKE = 1 << 4;
    /** {@code [\p{Ll}\p{Lm}\p{Lo}\p{M}]}: what may end an o200k word. */
    static final int LOWER_LIKE = 1 << 5;
    /** {@code [^\r\n\p{L}\p{N}]}: the one character that may stand before a word. */
    static final int WORD_PREFIX = 1 << 6;
    /** {@code [^\s\p{L}\p{N}]}: punctuation, symbols, marks, controls and lone surrogates. */
    static final int SYMBOL = 1 << 7;

    private static final byte[] BASIC_PLANE = basicPlane();

    private PatternCategories() {
    }

    /** The categories of {@code codePoint}, as bits. */
    static int of(int codePoint) {
        return codePoint < BASIC_PLANE.length ? BASIC_PLANE[codePoint] & 0xFF : classify(codePoint);
    }

    private static byte[] basicPlane() {
        byte[] table = new byte[Character.MIN_SUPPLEMENTARY_CODE_POINT];
        for (int c = 0; c < table.length; c++) {
            table[c] = (byte) classify(c);
        }
        return table;
    }

    private static int classify(int codePoint) {
        int categories = switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> LETTER | UPPER_LIKE;
            case Character.LOWERCASE_LETTER -> LETTER | LOWER_LIKE;
            case Character.MODIFIER_LETTER, Character.OTHER_LETTER -> LETTER | UPPER_LIKE | LOWER_LIKE;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK ->
                    UPPER_LIKE | LOWER_LIKE;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> WHITESPACE;
            default -> codePoint >= '\t' && codePoint <= '\r' || codePoint == '\u0085' ? WHITESPACE : 0;
        };
        if (codePoint == '\r' || codePoint == '\n') {
            categories |= LINE_BREAK;
        }
        if ((categories & (LETTER | NUMBER | LINE_BREAK)) == 0) {
            categories |= WORD_PREFIX;
        }
        if ((categories & (LETTER | NUMBER | WHITESPACE)) == 0) {
            categories |= SYMBOL;
        }
        return categories;
    }
}
