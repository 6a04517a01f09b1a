package dev.poolsight.core.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The letters beyond ASCII (of the Basic Multilingual Plane) that an encoding's vocabulary holds as one token: the
 * frequency class {@link TokenEstimator} prices letters by. A byte-level BPE vocabulary learnt the common letters of
 * each script whole; the others it splits into their two or three UTF-8 bytes, and a word that has one costs a token
 * or two more than its length says. Most of {@code cl100k_base}'s Han characters are of that second kind, most of
 * {@code o200k_base}'s are not, so one price per letter of a script cannot fit both; with this class the estimator
 * tells them apart without a vocabulary, from a bit per character.
 *
 * <p>The letters are data, {@code single-token-letters-<encoding>.txt} beside this class: ranges of code points in
 * hexadecimal, one a line ({@code 4E00-4E03} or {@code 4E08}), written by the fitting in core's tests from the
 * exact tokenizer. Immutable and thread-safe.
 */
final class SingleTokenLetters {

    private static final int BMP = 0x10000;

    private final long[] bits;

    private SingleTokenLetters(long[] bits) {
        this.bits = bits;
    }

    /** The characters below U+10000 for which {@code isSingleToken} holds. */
    static SingleTokenLetters of(IntPredicate isSingleToken) {
        long[] bits = new long[BMP / Long.SIZE];
        for (int c = 0; c < BMP; c++) {
            if (isSingleToken.test(c)) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return new SingleTokenLetters(bits);
    }

    /** The name of the resource, beside this class, that holds an encoding's single-token letters. */
    static String resourceName(String encodingName) {
        return "single-token-letters-" + encodingName + ".txt";
    }

    /**
     * Reads an encoding's single-token letters from its resource.
     *
     * @throws IllegalStateException if the resource is missing or a line is not a code point or a range of them
     */
    static SingleTokenLetters load(String encodingName) {
        String resource = resourceName(encodingName);
        return EstimatorResources.read(resource, "single-token letters", text -> parse(resource, text));
    }

    /**
     * The letters in {@code lines}, which come from {@code source} (named in errors); lines starting with # are
     * comments.
     */
    static SingleTokenLetters parse(String source, BufferedReader lines) throws IOException {
        long[] bits = new long[BMP / Long.SIZE];
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String range = line.trim();
            if (range.isEmpty() || range.startsWith("#")) {
                continue;
            }
            int dash = range.indexOf('-');
            int first = codePoint(source, number, line, dash < 0 ? range : range.substring(0, dash));
            int last = dash < 0 ? first : codePoint(source, number, line, range.substring(dash + 1));
            if (last < first) {
                throw invalid(source, number, line);
            }
            for (int c = first; c <= last; c++) {
                bits[c >>> 6] |= 1L << c;
            }
        }
        return new SingleTokenLetters(bits);
    }

    /** Whether the vocabulary holds {@code c} as one token. */
    boolean contains(char c) {
        return (bits[c >>> 6] & 1L << c) != 0;
    }

    /** The letters in the format {@link #load} reads, with a comment line first. */
    String format(String comment) {
        StringBuilder text = new StringBuilder("# ").append(comment).append('\n');
        for (int c = 0; c < BMP; c++) {
            if (contains((char) c)) {
                int last = c;
                while (last + 1 < BMP && contains((char) (last + 1))) {
                    last++;
                }
                text.append(String.format(Locale.ROOT, "%04X", c));
                if (last > c) {
                    text.append('-').append(String.format(Locale.ROOT, "%04X", last));
                }
                text.append('\n');
                c = last;
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SingleTokenLetters letters && Arrays.equals(bits, letters.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }

    private static int codePoint(String source, int number, String line, String hex) {
        try {
            int c = Integer.parseInt(hex.trim(), 16);
            if (c >= 0 && c < BMP) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw invalid(source, number, line);
    }

    private static IllegalStateException invalid(String source, int number, String line) {
        return new IllegalStateException(source + ": line " + number + " \"" + line + "\" is not valid; accepted: a"
                + " code point below 10000 in hexadecimal, such as 4E00, or a range such as 4E00-4E03");
    }
}
