package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stored form of a message is a format: the append script reads {@code id} and {@code pinned} by position, and
 * messages written before a change must read the same after it.
 */
class MessageCodecTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-26T10:15:30.123Z");

    @Test
    void aPlainMessageIsWrittenFieldByFieldWithoutMeta() {
        Message message = new Message("m-1", Role.USER, "hello", WRITTEN, Map.of(), false);

        assertThat(encodedText(message)).isEqualTo(
                "{\"id\":\"m-1\",\"role\":\"user\",\"content\":\"hello\",\"ts\":1795688130123,\"pinned\":false}");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        Message message = new Message("m-2", Role.ASSISTANT, "say \"hi\" \\ or 'bye' </script>", WRITTEN, Map.of(),
                false);

        assertThat(encodedText(message)).isEqualTo("{\"id\":\"m-2\",\"role\":\"assistant\","
                + "\"content\":\"say \\\"hi\\\" \\\\ or 'bye' </script>\",\"ts\":1795688130123,\"pinned\":false}");
    }

    @Test
    void controlCharactersAreEscapedAndOthersKeptAsTheyAre() {
        Message message = new Message("m-3", Role.TOOL, "\u0000\u0001\b\t\n\f\r\u001f\u007f\u2028", WRITTEN,
                Map.of(), false);

        assertThat(encodedText(message)).isEqualTo("{\"id\":\"m-3\",\"role\":\"tool\","
                + "\"content\":\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001F\u007f\u2028\",\"ts\":1795688130123,\"pinned\":false}");
    }

    @Test
    void unicodeIsWrittenUnescaped() {
        Message message = new Message("m-4", Role.SYSTEM, "caf\u00e9 \u4e2d\u6587 \uD83D\uDE00", WRITTEN, Map.of(), true);

        assertThat(encodedText(message)).isEqualTo("{\"id\":\"m-4\",\"role\":\"system\","
                + "\"content\":\"caf\u00e9 \u4e2d\u6587 \uD83D\uDE00\",\"ts\":1795688130123,\"pinned\":true}");
    }

    @Test
    void metadataComesLastAndIsEscapedLikeTheContent() {
        Message message = new Message("call-7", Role.TOOL, "{\"temperature\": 21}", WRITTEN,
                Map.of("tool \"x\"", "w\u00e9ather\n"), true);

        assertThat(encodedText(message)).isEqualTo("{\"id\":\"call-7\",\"role\":\"tool\","
                + "\"content\":\"{\\\"temperature\\\": 21}\",\"ts\":1795688130123,\"pinned\":true,"
                + "\"meta\":{\"tool \\\"x\\\"\":\"w\u00e9ather\\n\"}}");
    }

    /** Against the ObjectMapper binding the writer replaced, which is what every stored message was written with. */
    @Test
    void theOutputIsWhatTheObjectMapperWroteByteForByte() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                metadata.put(randomText(random, 8), randomText(random, 16));
            }
            Message message = new Message("id-" + i, Role.values()[random.nextInt(4)], randomText(random, 300),
                    Instant.ofEpochMilli(random.nextLong() >>> 20), metadata, random.nextBoolean());

            String expected = mapper.writeValueAsString(new Stored(message.id(), message.role().wireName(),
                    message.content(), message.timestamp().toEpochMilli(), message.pinned(),
                    message.metadata().isEmpty() ? null : message.metadata()));
            assertThat(MessageCodec.encode(message)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void whatIsWrittenReadsBackEqual() {
        for (Message message : List.of(
                new Message("m-1", Role.USER, "", WRITTEN, Map.of(), false),
                new Message("m-2", Role.TOOL, "\u0000\"\\\n\uD83D\uDE00\u00e9", WRITTEN, Map.of("a", "1", "b", "\""), true))) {
            assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
        }
    }

    /**
     * Every character of the Basic Multilingual Plane but the surrogates in one text: written as the mapper wrote it.
     * (The mapper's text, encoded by Jedis, turned a lone surrogate into {@code ?}; the writer escapes it.)
     */
    @Test
    void everyCharacterButTheSurrogatesIsWrittenAsTheObjectMapperWroteIt() throws Exception {
        StringBuilder everyCharacter = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (!Character.isSurrogate(c)) {
                everyCharacter.append(c);
            }
        }
        assertWrittenAsTheMapperWroteIt(everyCharacter.toString());
    }

    @Test
    void aLoneSurrogateIsEscapedAndAPairIsWrittenAsUtf8() {
        Message message = new Message("m", Role.USER, "a\uD800b\uDE00?\uD83D\uDE00\uDBFF", WRITTEN,
                Map.of("k", "\uDC00\""), false);

        assertThat(encodedText(message)).isEqualTo("{\"id\":\"m\",\"role\":\"user\",\"content\":"
                + "\"a\\uD800b\\uDE00?\uD83D\uDE00\\uDBFF\",\"ts\":1795688130123,\"pinned\":false,"
                + "\"meta\":{\"k\":\"\\uDC00\\\"\"}}");
    }

    /** Every surrogate, alone and beside every kind of neighbour, reads back as the very text that was written. */
    @Test
    void everyLoneSurrogateReadsBackExactly() {
        for (char c = Character.MIN_SURROGATE; c <= Character.MAX_SURROGATE; c++) {
            for (String content : List.of(String.valueOf(c), "x" + c, c + "?", "\"" + c + "\n", c + "\uD83D\uDE00",
                    "\u00e9" + c + c)) {
                Message message = new Message("m", Role.USER, content, WRITTEN, Map.of(), false);

                assertThat(MessageCodec.decode(MessageCodec.encode(message)).content()).isEqualTo(content);
            }
        }
    }

    /** Texts long enough that the writer must grow: escapes only, plain ASCII, and ASCII with one accent. */
    @Test
    void longTextsAreWrittenAsTheObjectMapperWroteThem() throws Exception {
        String longAscii = "plain words without anything to escape ".repeat(500);
        for (String content : List.of("\"\n\u0001".repeat(5_000), longAscii, longAscii + "\u00e9")) {
            assertWrittenAsTheMapperWroteIt(content);
        }
    }

    /** Content and a metadata value both {@code content}: the bytes must be what the mapper wrote, encoded. */
    private static void assertWrittenAsTheMapperWroteIt(String content) throws Exception {
        Message message = new Message("m-long", Role.ASSISTANT, content, WRITTEN, Map.of("k", content), false);

        String expected = new ObjectMapper().writeValueAsString(new Stored(message.id(), message.role().wireName(),
                content, WRITTEN.toEpochMilli(), false, message.metadata()));
        assertThat(MessageCodec.encode(message)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The writer looks at eight bytes at a time: every ASCII character, at every place in and around a word. */
    @Test
    void everyAsciiCharacterIsEscapedOrNotWhereverItStands() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (char c = 0; c < 0x80; c++) {
            for (int before = 0; before <= 17; before++) {
                String content = "x".repeat(before) + c + "y".repeat(17 - before);
                Message message = new Message("m", Role.USER, content, WRITTEN, Map.of(), false);

                String expected = mapper.writeValueAsString(new Stored("m", "user", content, WRITTEN.toEpochMilli(),
                        false, null));
                assertThat(MessageCodec.encode(message)).as("character %d after %d others", (int) c, before)
                        .isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String encodedText(Message message) {
        return new String(MessageCodec.encode(message), StandardCharsets.UTF_8);
    }

    /**
     * Code points of every kind: ASCII, control characters, quotes, question marks, backslashes, accents, CJK, an
     * emoji (a surrogate pair, never split: lone surrogates are what the writer deliberately writes otherwise).
     */
    private static String randomText(Random random, int maxLength) {
        int[] pool = "ab Z9?\"\\/\u0000\u0007\b\t\n\f\r\u001f\u007f\u00e9\u2028\u4e2d\uD83D\uDE00{}:,".codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int length = random.nextInt(maxLength + 1); length > 0; length--) {
            text.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }

    /** The record the ObjectMapper used to bind, as it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Stored(@JsonProperty("id") String id,
                          @JsonProperty("role") String role,
                          @JsonProperty("content") String content,
                          @JsonProperty("ts") long ts,
                          @JsonProperty("pinned") boolean pinned,
                          @JsonProperty("meta") Map<String, String> meta) {
    }
}
