package dev.poolsight.core.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one small JSON document straight into UTF-8 bytes, the form Jedis sends, escaping strings as Jackson does
 * by default: {@code \"}, {@code \\}, {@code \b \t \n \f \r}, other control characters as <code>&#92;u00XX</code> with
 * upper-case digits, and everything else (DEL, non-ASCII, U+2028) as it is. A lone surrogate, which UTF-8 cannot
 * carry, is escaped the same way (<code>&#92;uD800</code>), so that the text reads back exactly; Jedis' encoding of the
 * string Jackson wrote turned it into {@code ?}.
 *
 * <p>Hand-written rather than Jackson's generator because it runs on every append: Jackson's generator writes
 * characters one at a time, which Jedis then encodes again, 10 us together for an 8 KB message in a warm loop here.
 * This lets the JDK's encoder turn a string into bytes (an array copy for ASCII text), then looks at eight bytes at
 * a time for one that needs escaping, and copies the runs between escapes whole: 4.5 us in the same loop. A loop
 * over the characters that writes each byte at once reads and writes less memory, but cost 28 us against this
 * writer's 12 us at 8 KB on the append path of {@code AppendInterleavedBenchmark} (timed with a throwaway probe
 * around the step). Not thread-safe; one writer per document.
 */
final class Utf8JsonWriter {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** What a byte's escape adds to its length: 0 for none, 1 for {@code \n} and the like, 5 for <code>&#92;u00XX</code>. */
    private static final byte[] ESCAPE_EXTRA = new byte[256];
    /** The letter after the backslash of a short escape, or 0 for a <code>&#92;u00XX</code> one. */
    private static final byte[] SHORT_ESCAPE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE_EXTRA[c] = 5;
        }
        shortEscape('"', '"');
        shortEscape('\\', '\\');
        shortEscape('\b', 'b');
        shortEscape('\t', 't');
        shortEscape('\n', 'n');
        shortEscape('\f', 'f');
        shortEscape('\r', 'r');
    }

    private byte[] out;
    private int size;

    /** @param expectedLength the document's likely length in bytes; the writer grows beyond it when it must */
    Utf8JsonWriter(int expectedLength) {
        this.out = new byte[Math.max(16, expectedLength)];
    }

    private static void shortEscape(char c, char letter) {
        ESCAPE_EXTRA[c] = 1;
        SHORT_ESCAPE[c] = (byte) letter;
    }

    /** Writes {@code ascii} as it is: JSON punctuation, a name that needs no escaping such as {@code ,"ts":}, a number. */
    Utf8JsonWriter raw(String ascii) {
        ensureRoom(ascii.length());
        for (int i = 0; i < ascii.length(); i++) {
            out[size++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /**
     * Writes {@code value} as a quoted, escaped JSON string. The JDK's encoder writes a lone surrogate as {@code ?}, so
     * a text holds one exactly when its bytes hold more {@code ?} than its characters do; counting the characters is
     * {@link String#indexOf(int, int)}'s vectorised search, and only a text that has one takes the slower path.
     */
    Utf8JsonWriter string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long scan = scan(bytes);
        int questionMarkBytes = (int) (scan >>> 32);
        quote();
        if (questionMarkBytes > 0 && questionMarkBytes != questionMarks(value)) {
            writeLoneSurrogatesEscaped(value);
        } else {
            write(bytes, (int) scan);
        }
        quote();
        return this;
    }

    private void quote() {
        ensureRoom(1);
        out[size++] = '"';
    }

    /** Writes UTF-8 {@code bytes} escaped, {@code extra} being what escaping adds to their length. */
    private void write(byte[] bytes, int extra) {
        ensureRoom(bytes.length + extra + 1);
        if (extra == 0) {
            System.arraycopy(bytes, 0, out, size, bytes.length);
            size += bytes.length;
        } else {
            writeEscaped(bytes);
        }
    }

    /** The text between lone surrogates as usual, each lone surrogate as <code>&#92;uXXXX</code>. */
    private void writeLoneSurrogatesEscaped(String value) {
        int segmentStart = 0;
        for (int i = nextLoneSurrogate(value, 0); i >= 0; i = nextLoneSurrogate(value, i + 1)) {
            byte[] segment = value.substring(segmentStart, i).getBytes(StandardCharsets.UTF_8);
            write(segment, (int) scan(segment));
            ensureRoom(6);
            writeUnicodeEscape(value.charAt(i));
            segmentStart = i + 1;
        }
        byte[] rest = value.substring(segmentStart).getBytes(StandardCharsets.UTF_8);
        write(rest, (int) scan(rest));
    }

    /** The index of the first surrogate at or after {@code from} that is not half of a pair; -1 when there is none. */
    private static int nextLoneSurrogate(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static int questionMarks(String value) {
        int count = 0;
        for (int at = value.indexOf('?'); at >= 0; at = value.indexOf('?', at + 1)) {
            count++;
        }
        return count;
    }

    /**
     * How many bytes escaping adds to {@code bytes} (the low 32 bits) and how many of them are {@code ?} (the high 32
     * bits): eight bytes are looked at one by one only if one needs it.
     */
    private static long scan(byte[] bytes) {
        int extra = 0;
        int questionMarks = 0;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) {
            if (needsALook((long) WORDS.get(bytes, i))) {
                for (int k = i; k < i + Long.BYTES; k++) {
                    extra += ESCAPE_EXTRA[bytes[k] & 0xFF];
                    questionMarks += bytes[k] == '?' ? 1 : 0;
                }
            }
        }
        for (; i < bytes.length; i++) {
            extra += ESCAPE_EXTRA[bytes[i] & 0xFF];
            questionMarks += bytes[i] == '?' ? 1 : 0;
        }
        return extra | (long) questionMarks << 32;
    }

    /** Whether a byte of {@code word} needs escaping or is a {@code ?}, which may stand for a lone surrogate. */
    private static boolean needsALook(long word) {
        long questionMarks = word ^ (ONES * '?');
        return needsEscape(word) || (((questionMarks - ONES) & ~questionMarks & HIGH_BITS) != 0);
    }

    /**
     * Whether any of the eight bytes of {@code word} is a quote, a backslash or below 0x20. Each test is the
     * has-a-zero-byte trick, {@code (x - 0x01..01) & ~x & 0x80..80}, which is non-zero exactly when some byte of x is
     * zero (or, with 0x20..20 subtracted, below 0x20): a byte of 0x80 or more never passes {@code ~x}, and no borrow
     * starts before the first byte that matches.
     */
    private static boolean needsEscape(long word) {
        long quotes = word ^ (ONES * '"');
        long backslashes = word ^ (ONES * '\\');
        long found = (quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | (word - ONES * 0x20) & ~word;
        return (found & HIGH_BITS) != 0;
    }

    private void writeEscaped(byte[] bytes) {
        int runStart = 0;
        int i = 0;
        while (i < bytes.length) {
            if (i + Long.BYTES <= bytes.length && !needsEscape((long) WORDS.get(bytes, i))) {
                i += Long.BYTES;
                continue;
            }
            for (int end = Math.min(i + Long.BYTES, bytes.length); i < end; i++) {
                int b = bytes[i] & 0xFF;
                if (ESCAPE_EXTRA[b] != 0) {
                    System.arraycopy(bytes, runStart, out, size, i - runStart);
                    size += i - runStart;
                    runStart = i + 1;
                    writeEscape(b);
                }
            }
        }
        System.arraycopy(bytes, runStart, out, size, bytes.length - runStart);
        size += bytes.length - runStart;
    }

    private void writeEscape(int b) {
        byte letter = SHORT_ESCAPE[b];
        if (letter != 0) {
            out[size++] = '\\';
            out[size++] = letter;
        } else {
            writeUnicodeEscape((char) b);
        }
    }

    private void writeUnicodeEscape(char c) {
        out[size++] = '\\';
        out[size++] = 'u';
        out[size++] = HEX_DIGITS[c >> 12];
        out[size++] = HEX_DIGITS[(c >> 8) & 0xF];
        out[size++] = HEX_DIGITS[(c >> 4) & 0xF];
        out[size++] = HEX_DIGITS[c & 0xF];
    }

    private void ensureRoom(int bytes) {
        if (size + bytes > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + bytes));
        }
    }

    /** The document; the writer's own array when it is full to the byte, which a well-guessed length makes it. */
    byte[] toByteArray() {
        return size == out.length ? out : Arrays.copyOf(out, size);
    }
}
