package dev.poolsight.core.tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text's chunks as a pre-tokenizer and as a regex split it, to compare the two, and texts to read in a failure. */
final class ChunkLists {

    private ChunkLists() {
    }

    static List<String> chunks(PreTokenizer preTokenizer, String text) {
        List<String> chunks = new ArrayList<>();
        for (int start = 0; start < text.length(); ) {
            int end = preTokenizer.chunkEnd(text, start);
            chunks.add(text.substring(start, end));
            start = end;
        }
        return chunks;
    }

    static List<String> regexChunks(Pattern pattern, String text) {
        List<String> chunks = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            chunks.add(matcher.group());
        }
        return chunks;
    }

    /** The text with every character outside printable ASCII as a Java escape. */
    static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            escaped.append(c >= ' ' && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return escaped.toString();
    }
}
