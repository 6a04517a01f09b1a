package dev.poolsight.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Chat messages to measure token counters against: English prose, source code, JSON payloads, other languages in
 * Latin script, and non-Latin scripts (Chinese, Japanese, Korean, Russian, Arabic, Hindi, Greek, and mixed text
 * with emoji), from a single word to about three kilobytes each.
 *
 * <p>The messages live on the classpath under {@code dev/poolsight/testkit/corpus/}, in one or more files per
 * {@link Kind}. In a file, a line holding only {@value #SEPARATOR} ends a message; a message is the lines before it
 * joined by {@code \n}, without blank lines at its start and end. Blank messages are skipped. Files are UTF-8.
 *
 * <p>A line that starts with {@value #SEPARATOR} and a space also ends a message, and describes the messages after
 * it, up to the next such line, with {@code key=value} pairs separated by {@code ;}: {@code language} (a BCP 47
 * tag such as {@code uk}, or {@code mixed}), {@code source} (who wrote the text, or where it comes from) and
 * {@code licence} (an SPDX identifier, or a note such as {@code public domain}). Every file begins with one, so that
 * every message says where it comes from and under which licence:
 * <pre>
 * ~~~ language=uk; source=written for Poolsight; licence=CC0-1.0
 * </pre>
 *
 * <p>The corpus is read once per JVM and shared; the lists are unmodifiable.
 */
public final class TokenCorpus {

    /** The line that ends a message in a corpus file. */
    public static final String SEPARATOR = "~~~";

    private static final String DIRECTORY = "/dev/poolsight/testkit/corpus/";

    /** What a message mostly consists of; each kind is one or more files of the corpus. */
    public enum Kind {
        /** Questions, answers, explanations, chat, Markdown and tables in English. */
        ENGLISH("english.txt", "english-chat.txt", "markdown-tables.txt"),
        /** Java, Python, JavaScript, SQL, shell, Rust, C, Kotlin and others, with a little prose around; logs. */
        CODE("code.txt", "code-more.txt", "logs.txt"),
        /** Tool calls, tool results, API requests and responses, configuration. */
        JSON("json.txt"),
        /** German, French, Spanish, Portuguese, Italian, Dutch, Polish, Turkish, Swedish and Vietnamese. */
        LATIN_SCRIPT("latin-script.txt", "latin-languages.txt"),
        /**
         * Chinese, Japanese, Korean, Russian, Ukrainian, Bulgarian, Serbian, Arabic, Hebrew, Hindi, Thai and Greek,
         * and mixed text with emoji.
         */
        NON_LATIN("non-latin.txt", "cyrillic.txt", "arabic-hebrew.txt", "indic-thai-greek.txt");

        private final List<String> fileNames;

        Kind(String... fileNames) {
            this.fileNames = List.of(fileNames);
        }

        /** The names of this kind's files in the corpus directory, such as {@code non-latin.txt}, in read order. */
        public List<String> fileNames() {
            return fileNames;
        }
    }

    /**
     * One message of the corpus.
     *
     * @param language a BCP 47 tag such as {@code en} or {@code uk}, or {@code mixed} for messages of several
     * @param source who wrote the text, or where it comes from
     * @param licence the licence the text is under
     */
    public record Message(Kind kind, String text, String language, String source, String licence) {

        public Message {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(licence, "licence");
        }
    }

    /** The text of a message with what its file says about it. */
    record Entry(String text, Map<String, String> attributes) {
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
     * The messages of one corpus file with the attributes of the line that describes them.
     *
     * @param fileName the file's name, for error messages
     * @param fileText the whole file, with {@code \n} or {@code \r\n} line ends
     * @throws IllegalArgumentException for an attribute line with a pair that is not {@code key=value}
     */
    static List<Entry> entries(String fileName, String fileText) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, String> attributes = Map.of();
        String[] fileLines = fileText.split("\r?\n", -1);
        for (int n = 0; n < fileLines.length; n++) {
            String line = fileLines[n];
            if (line.equals(SEPARATOR) || line.startsWith(SEPARATOR + " ")) {
                addMessage(entries, lines, attributes);
                lines.clear();
                if (!line.equals(SEPARATOR)) {
                    attributes = attributes(fileName, n + 1, line.substring(SEPARATOR.length() + 1));
                }
            } else {
                lines.add(line);
            }
        }
        addMessage(entries, lines, attributes);
        return Collections.unmodifiableList(entries);
    }

    private static Map<String, String> attributes(String fileName, int lineNumber, String pairs) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String pair : pairs.split(";")) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.substring(0, equals).isBlank()) {
                throw new IllegalArgumentException("corpus file " + fileName + ", line " + lineNumber + ": \""
                        + pair.trim() + "\" is not a key=value pair; accepted: " + SEPARATOR
                        + " language=uk; source=...; licence=...");
            }
            attributes.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return Collections.unmodifiableMap(attributes);
    }

    private static void addMessage(List<Entry> entries, List<String> lines, Map<String, String> attributes) {
        int first = 0;
        int last = lines.size() - 1;
        while (first <= last && lines.get(first).isBlank()) {
            first++;
        }
        while (last >= first && lines.get(last).isBlank()) {
            last--;
        }
        if (first <= last) {
            entries.add(new Entry(String.join("\n", lines.subList(first, last + 1)), attributes));
        }
    }

    private static Message message(Kind kind, String fileName, Entry entry) {
        return new Message(kind, entry.text(), required(fileName, entry, "language"), required(fileName, entry, "source"),
                required(fileName, entry, "licence"));
    }

    private static String required(String fileName, Entry entry, String key) {
        String value = entry.attributes().get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("corpus file " + fileName + ": the message starting \""
                    + entry.text().lines().findFirst().orElse("") + "\" has no " + key
                    + "; every file begins with a line such as " + SEPARATOR + " language=uk; source=...; licence=...");
        }
        return value;
    }

    private static String read(String fileName) {
        String resource = DIRECTORY + fileName;
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
                for (String fileName : kind.fileNames()) {
                    for (Entry entry : entries(fileName, read(fileName))) {
                        messages.add(message(kind, fileName, entry));
                    }
                }
                byKind.add(Collections.unmodifiableList(messages));
                all.addAll(messages);
            }
            BY_KIND = Collections.unmodifiableList(byKind);
            ALL = Collections.unmodifiableList(all);
        }
    }
}
