package dev.poolsight.core.tokens;

/**
 * The classes of characters {@link TokenEstimator} tells apart, as small ints so that its loop can compare and index
 * by them. Letters of the scripts come last, so that a class at or above {@link #CJK} is a script letter, and
 * {@code class - CJK} indexes {@link EstimatorPrices#scripts()}.
 */
final class CharacterClass {

    static final int LOWER = 1;
    static final int UPPER = 2;
    static final int LATIN_OTHER = 3; // accented Latin letters: U+00C0 to U+024F, U+1E00 to U+1EFF
    static final int DIGIT = 4;
    static final int SPACE = 5;
    static final int NEWLINE = 6;
    static final int BLANK = 7; // tab and other white space that is neither a space nor a line break
    static final int PUNCT = 8; // ASCII punctuation and symbols
    static final int SYMBOL = 9; // any other character that is not a letter, digit or space
    static final int CJK_PUNCT = 10; // CJK punctuation and full-width forms
    static final int EMOJI = 11; // a code point beyond the BMP, written as a surrogate pair
    static final int JOINER = 12; // zero-width joiner and emoji variation selector
    static final int CJK = 13; // Han ideographs
    static final int KANA = 14; // Hiragana and Katakana
    static final int HANGUL = 15;
    static final int CYRILLIC = 16;
    static final int GREEK = 17;
    static final int ARABIC = 18;
    static final int HEBREW = 19;
    static final int INDIC = 20; // Devanagari through Malayalam
    static final int THAI = 21;
    static final int OTHER_SCRIPT = 22;

    /** The number of script classes, {@link #CJK} to {@link #OTHER_SCRIPT}. */
    static final int SCRIPTS = OTHER_SCRIPT - CJK + 1;

    /** The classes of the ASCII characters, by character. */
    static final byte[] ASCII = asciiClasses();

    private CharacterClass() {
    }

    /** The class of the character at {@code i}: {@link #EMOJI} for a surrogate pair, which takes two chars. */
    static int at(String text, int i, int n) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
            return EMOJI;
        }
        return of(c);
    }

    /** The class of a character that is not half of a surrogate pair; a lone surrogate is a {@link #SYMBOL}. */
    static int of(char c) {
        if (c < 0x80) {
            return ASCII[c];
        }
        if (c == '\u200D' || c == '\uFE0F') {
            return JOINER;
        }
        if (c >= '\u3000' && c <= '\u303F' || c >= '\uFF00' && c <= '\uFFEF') {
            return CJK_PUNCT;
        }
        switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER:
            case Character.LOWERCASE_LETTER:
            case Character.TITLECASE_LETTER:
            case Character.MODIFIER_LETTER:
            case Character.OTHER_LETTER:
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
                return c <= '\u024F' || c >= '\u1E00' && c <= '\u1EFF' ? LATIN_OTHER : script(c);
            case Character.SPACE_SEPARATOR:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return BLANK;
            default:
                return SYMBOL;
        }
    }

    static boolean isLatin(int cls) {
        return cls >= LOWER && cls <= LATIN_OTHER;
    }

    static boolean isWhiteSpace(int cls) {
        return cls >= SPACE && cls <= BLANK;
    }

    static boolean isPunctuation(int cls) {
        return cls == PUNCT || cls == SYMBOL || cls == CJK_PUNCT || cls == EMOJI || cls == JOINER;
    }

    static boolean isWhiteSpaceCharacter(char c) {
        return isWhiteSpace(c < 0x80 ? ASCII[c] : of(c));
    }

    static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static boolean isAsciiLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static int script(char c) {
        if (c >= '\u3040' && c <= '\u30FF') {
            return KANA;
        }
        if (c >= '\u3400' && c <= '\u4DBF' || c >= '\u4E00' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF') {
            return CJK;
        }
        if (c >= '\uAC00' && c <= '\uD7AF' || c >= '\u1100' && c <= '\u11FF' || c >= '\u3130' && c <= '\u318F') {
            return HANGUL;
        }
        if (c >= '\u0400' && c <= '\u052F') {
            return CYRILLIC;
        }
        if (c >= '\u0370' && c <= '\u03FF' || c >= '\u1F00' && c <= '\u1FFF') {
            return GREEK;
        }
        if (c >= '\u0600' && c <= '\u06FF' || c >= '\u0750' && c <= '\u077F') {
            return ARABIC;
        }
        if (c >= '\u0590' && c <= '\u05FF') {
            return HEBREW;
        }
        if (c >= '\u0900' && c <= '\u0DFF') {
            return INDIC;
        }
        if (c >= '\u0E00' && c <= '\u0E7F') {
            return THAI;
        }
        return OTHER_SCRIPT;
    }

    /**
     * Whether a letter of a script is one that the tokenizers' vocabularies, learnt mostly from one language per
     * script, rarely saw: a word that has one is split into more tokens than its length says, and so is every word
     * of a text that has many. Cyrillic letters outside the Russian alphabet ({@code і ї є ґ ј љ њ ћ ђ џ ў}: most
     * Ukrainian, Serbian, Belarusian and Macedonian text) and {@code ъ} before a consonant (Bulgarian: Russian
     * writes it only before {@code е ё ю я}), Arabic vowel marks and the letters Arabic adds for Persian and Urdu,
     * Hebrew points, polytonic Greek.
     */
    static boolean isMarkedLetter(String text, int i, int n) {
        char c = text.charAt(i);
        if (c >= '\u0400' && c <= '\u052F') {
            if (c == '\u044A' || c == '\u042A') {
                char next = i + 1 < n ? Character.toLowerCase(text.charAt(i + 1)) : ' ';
                return next != '\u0435' && next != '\u0451' && next != '\u044E' && next != '\u044F';
            }
            return c < '\u0410' && c != '\u0401' || c > '\u044F' && c != '\u0451';
        }
        return c >= '\u064B' && c <= '\u065F' || c >= '\u0670' && c <= '\u06D3'
                || c >= '\u0591' && c <= '\u05C7' || c >= '\u1F00' && c <= '\u1FFF';
    }

    private static byte[] asciiClasses() {
        byte[] classes = new byte[0x80];
        for (int c = 0; c < 0x80; c++) {
            int cls;
            if (c >= 'a' && c <= 'z') {
                cls = LOWER;
            } else if (c >= 'A' && c <= 'Z') {
                cls = UPPER;
            } else if (c >= '0' && c <= '9') {
                cls = DIGIT;
            } else if (c == ' ') {
                cls = SPACE;
            } else if (c == '\n' || c == '\r') {
                cls = NEWLINE;
            } else if (c == '\t' || c == '\f' || c == 0x0B) {
                cls = BLANK;
            } else {
                cls = PUNCT;
            }
            classes[c] = (byte) cls;
        }
        return classes;
    }
}
