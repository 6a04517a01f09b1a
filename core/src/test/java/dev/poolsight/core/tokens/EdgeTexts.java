package dev.poolsight.core.tokens;

import dev.poolsight.testkit.TokenCorpus;
import dev.poolsight.testkit.TokenCorpus.Kind;
import dev.poolsight.testkit.TokenCorpus.Message;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Texts at the edges of the estimator's pass over the characters. Their estimates, read whole, are pinned in
 * {@value #PINNED_ESTIMATES} beside the corpus' (one line per text: name, a tab, the {@code o200k_base} and
 * {@code cl100k_base} estimates), which the fitting rewrites with the prices.
 */
final class EdgeTexts {

    static final String PINNED_ESTIMATES = "estimator-golden-edge-texts.txt";

    /** A named text. */
    record EdgeText(String name, String text) {
    }

    private EdgeTexts() {
    }

    static List<EdgeText> all() {
        return List.of(
                new EdgeText("empty", ""),
                new EdgeText("one space", " "),
                new EdgeText("spaces only", " ".repeat(4096)),
                new EdgeText("line breaks only", "\r\n".repeat(500)),
                new EdgeText("other white space", "\t \u00A0\u2028\u3000 \u000B\f "),
                new EdgeText("one letter repeated", "a".repeat(100_000)),
                new EdgeText("one upper-case letter repeated", "A".repeat(1000)),
                new EdgeText("one accented letter repeated", "\u00e9".repeat(1000)),
                new EdgeText("one punctuation character repeated", "=".repeat(100_000)),
                new EdgeText("one digit repeated", "7".repeat(100_001)),
                new EdgeText("one ideograph repeated", "\u4e2d".repeat(10_000)),
                new EdgeText("one emoji repeated", "\uD83D\uDE00".repeat(1000)),
                new EdgeText("5 MB of prose", prose(5 << 20)),
                new EdgeText("surrogate pairs", "Nice \uD83D\uDC4D\uD83C\uDFFD! The family"
                        + " \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 says \u2764\uFE0F and"
                        + " \uD835\uDC01\uD835\uDC28\uD835\uDC25\uD835\uDC1D.\n\uD83D\uDE00"),
                new EdgeText("lone high surrogates", "\uD83D a\uD83Db \uD83D\uD83D\uDE00 c\uD83D\n\uD83D"),
                new EdgeText("lone low surrogates", "\uDE00x \uDE00\uDE00 y\uDE00\n\uDE00\uD83D"),
                new EdgeText("mixed scripts", "Hello \u043c\u0438\u0440, \u4e16\u754c\uff01"
                        + " \u0645\u0631\u062d\u0628\u0627 \u0928\u092e\u0938\u094d\u0924\u0947"
                        + " \u0393\u03b5\u03b9\u03ac \uc548\ub155 \u3053\u3093\u306b\u3061\u306f\u3002"
                        + " \u00e7a va? \u00dcn\u00efc\u00f6d\u00e9 \u1e9etra\u00dfe Vi\u1ec7t e\u0301t\u00e9"
                        + " \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 \u20ac5 \u2014 \u00abok\u00bb"),
                new EdgeText("case changes and contractions", "getUserName HTTPServerError iPhone \u00c9cole"
                        + " it's IT'S we'll they're you've I'm he'd don't rock'n'roll 'tis O'Neil ends' it'"),
                new EdgeText("function words of several languages", "The cat and the dog. Der Hund und die Katze."
                        + " Le chat et le chien. THE END, das Ende, la fin, dzi\u0119kuj\u0119"),
                new EdgeText("long words", "pneumonoultramicroscopicsilicovolcanoconiosis"
                        + " Donaudampfschifffahrtsgesellschaftskapit\u00e4n ".repeat(3)
                        + "x".repeat(300) + "Y".repeat(300)),
                new EdgeText("code", "public int size() {\r\n\treturn items.size(); // why not\r\n}\n\n"
                        + "    if (a != b && c <= d) {\n        x[i++] = \"\\\"q\\\"\";\n    }\n  \t\n"),
                new EdgeText("json", "{\"id\":\"call_12345\",\"args\":{\"n\":[1,22,333,4444,-5.5e10],"
                        + "\"ok\":true,\"v\":null,\"s\":\"a b  c\"}} 42 7"),
                new EdgeText("control characters", "\u0000\u0001a\u007f\u0085 \u200B\u200D\uFE0F\uFEFF\uFFFF"));
    }

    /** English prose of the corpus, repeated up to exactly {@code length} characters. */
    private static String prose(int length) {
        String messages = TokenCorpus.messages(Kind.ENGLISH).stream().map(Message::text)
                .collect(Collectors.joining("\n\n"));
        StringBuilder text = new StringBuilder(length + messages.length());
        while (text.length() < length) {
            text.append(messages).append("\n\n");
        }
        return text.substring(0, length);
    }
}
