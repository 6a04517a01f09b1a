package dev.poolsight.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Chat messages to measure token counters against: English prose, source code, JSON payloads, other languages in
 * Latin script, and non-Latin scripts (Chinese, Japanese, Korean, Russian, Arabic, Hindi, Greek, and mixed text
 * with emoji), from a single word to about three kilobytes each.
 *
 * <p>The messages live on the classpath under {@code dev/poolsight/testkit/corpus/}, one file per {@link Kind}.
 * In a file, a line holding only {@value #SEPARATOR} ends a message; a message is the lines before it joined by
 * {@code \n}, without blank lines at its start and end. Blank messages are skipped. Files are UTF-8.
 *
 * <p>The corpus is read once per JVM and shared; the lists are unmodifiable.
 */
public final class TokenCorpus {

    /** The line that ends a message in a corpus file. */
    public static final String SEPARATOR = "~~~";

    private static final String DIRECTORY = "/dev/poolsight/testkit/corpus/";

    /** What a message mostly consists of; each kind is one file of the corpus. */
    public enum Kind {
        /** Questions, answers and explanations in English prose. */
        ENGLISH("english.txt"),
        /** Java, Python, JavaScript, SQL, shell and others, often with a little prose around the code. */
        CODE("code.txt"),
        /** Tool calls, tool results, API requests and responses, configuration. */
        JSON("json.txt"),
        /** German, French, Spanish, Portuguese, Italian, Dutch, Polish, Turkish, Swedish and Vietnamese. */
        LATIN_SCRIPT("latin-script.txt"),
        /** Chinese, Japanese, Korean, Russian, Arabic, Hindi and Greek, and mixed text with emoji. */
        NON_LATIN("non-latin.txt");

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** The name of this kind's file in the corpus directory, such as {@code non-latin.txt}. */
        public String fileName() {
            return fileName;
        }
    }

    /** One message of the corpus. */
    public record Message(Kind kind, String text) {

        public Message {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    private TokenCorpus() {
    }

    /** Every message of the corpus, kind by kind in {@link Kind} order, each kind in file order. */
    public static List<Message> messages() {
        return Loaded.ALL;
    }

    /** The messages of one kind, in file order. */
    public static List<Message> messages(Kind kind) {
        return Loaded.BY_KIND.get(kind.ordinal());
    }

    /**
     * Splits the text of one corpus file into messages, as described in the class comment.
     *
     * @param fileText the whole file, with {@code \n} or {@code \r\n} line ends
     */
    static List<String> split(String fileText) {
        List<String> messages = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String line : fileText.split("\r?\n", -1)) {
            if (line.equals(SEPARATOR)) {
                addMessage(messages, lines);
                lines.clear();
            } else {
                lines.add(line);
            }
        }
        addMessage(messages, lines);
        return Collections.unmodifiableList(messages);
    }

    private static void addMessage(List<String> messages, List<String> lines) {
        int first = 0;
        int last = lines.size() - 1;
        while (first <= last && lines.get(first).isBlank()) {
            first++;
        }
        while (last >= first && lines.get(last).isBlank()) {
            last--;
        }
        if (first <= last) {
            messages.add(String.join("\n", lines.subList(first, last + 1)));
        }
    }

    private static String read(Kind kind) {
        String resource = DIRECTORY + kind.fileName();
        try (InputStream in = TokenCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("corpus file " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + resource, e);
        }
    }

    /** Reads the corpus on first use; the JVM's class initialization makes that once and thread-safe. */
    private static final class Loaded {
        static final List<List<Message>> BY_KIND;
        static final List<Message> ALL;

        static {
            List<List<Message>> byKind = new ArrayList<>();
            List<Message> all = new ArrayList<>();
            for (Kind kind : Kind.values()) {
                List<Message> messages = new ArrayList<>();
                for (String text : split(read(kind))) {
                    messages.add(new Message(kind, text));
                }
                byKind.add(Collections.unmodifiableList(messages));
                all.addAll(messages);
            }
            BY_KIND = Collections.unmodifiableList(byKind);
            ALL = Collections.unmodifiableList(all);
        }
    }
}
