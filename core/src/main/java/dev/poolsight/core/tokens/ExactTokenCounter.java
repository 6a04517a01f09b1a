package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The exact token count of a text under one of OpenAI's tokenizer encodings, computed by jtokkit.
 *
 * <p>Text is counted as ordinary text: special-token markers such as {@code <|endoftext|>} that a user typed are
 * counted like any other characters instead of being rejected, as a model's API does with message content.
 *
 * <p>All counters share one lazily filled jtokkit registry, so each encoding's vocabulary is loaded once per
 * JVM, by the first counter that needs it (a few hundred milliseconds and some megabytes for
 * {@code o200k_base}). Counting costs time in proportion to the text; when that is too slow for a caller's
 * thread, use {@link TokenEstimator} there and count exactly elsewhere.
 *
 * <p>For {@code o200k_base} and {@code cl100k_base} the text is split into jtokkit's chunks by a hand-written
 * pre-tokenizer instead of jtokkit's regex, and each counter remembers the counts of the chunks it saw last (in about
 * 1.2 MiB), so that repeated words are not merged again; the counts are jtokkit's all the same.
 *
 * <table>
 *   <caption>Environment variables read by {@link #fromEnvironment(Map)}</caption>
 *   <tr><th>Variable</th><th>Format</th></tr>
 *   <tr><td>{@code TOKEN_ENCODING}</td><td>{@code o200k_base}, {@code cl100k_base}, {@code p50k_base},
 *       {@code r50k_base} or {@code p50k_edit}</td></tr>
 *   <tr><td>{@code TOKEN_MODEL}</td><td>a model name such as {@code gpt-4o} or {@code gpt-3.5-turbo}; see
 *       {@link ModelEncodings}</td></tr>
 * </table>
 * Set at most one of them; with neither, the encoding is {@code o200k_base}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ExactTokenCounter implements TokenCounter {

    public static final String TOKEN_ENCODING = "TOKEN_ENCODING";
    public static final String TOKEN_MODEL = "TOKEN_MODEL";
    public static final String DEFAULT_ENCODING = "o200k_base";

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final String ACCEPTED_ENCODINGS = Arrays.stream(EncodingType.values())
            .map(EncodingType::getName)
            .collect(Collectors.joining(", "));

    private final Encoding encoding;
    private final TokenCounter counting;

    private ExactTokenCounter(EncodingType type) {
        this.encoding = REGISTRY.getEncoding(type);
        this.counting = ChunkedTokenCounter.forEncoding(type, encoding).orElse(encoding::countTokensOrdinary);
    }

    /**
     * A counter for the encoding called {@code encodingName}, such as {@code cl100k_base}.
     *
     * @throws IllegalArgumentException when jtokkit has no such encoding; the message lists the accepted names
     */
    public static ExactTokenCounter forEncoding(String encodingName) {
        return new ExactTokenCounter(encodingType("encoding", encodingName));
    }

    /**
     * A counter for the encoding that {@code modelName} uses, such as {@code o200k_base} for {@code gpt-4o}.
     *
     * @throws IllegalArgumentException when the model is unknown; the message lists what is accepted
     * @see ModelEncodings
     */
    public static ExactTokenCounter forModel(String modelName) {
        return new ExactTokenCounter(ModelEncodings.encodingFor("model", modelName));
    }

    /** A counter configured by this process's environment; see the class comment. */
    public static ExactTokenCounter fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * A counter configured by {@code environment}: {@code TOKEN_ENCODING} names an encoding, {@code TOKEN_MODEL}
     * a model; with neither, {@code o200k_base}.
     *
     * @throws IllegalArgumentException when a value is empty or unknown, or both variables are set; the message
     *         names the variable, repeats its value and says what is accepted, for example
     *         {@code TOKEN_MODEL="llama-3": unknown model; accepted: ...}
     */
    public static ExactTokenCounter fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment is null");
        String encodingName = environment.get(TOKEN_ENCODING);
        String modelName = environment.get(TOKEN_MODEL);
        if (encodingName != null && modelName != null) {
            throw new IllegalArgumentException(TOKEN_ENCODING + "=\"" + encodingName + "\" and " + TOKEN_MODEL + "=\""
                    + modelName + "\": both set; accepted: one of them, or neither for " + DEFAULT_ENCODING);
        }
        if (encodingName != null) {
            requireNotBlank(TOKEN_ENCODING, encodingName, ACCEPTED_ENCODINGS);
            return new ExactTokenCounter(encodingType(TOKEN_ENCODING, encodingName));
        }
        if (modelName != null) {
            requireNotBlank(TOKEN_MODEL, modelName, ModelEncodings.accepted());
            return new ExactTokenCounter(ModelEncodings.encodingFor(TOKEN_MODEL, modelName));
        }
        return forEncoding(DEFAULT_ENCODING);
    }

    /** The name of the encoding this counter uses, such as {@code o200k_base}. */
    public String encodingName() {
        return encoding.getName();
    }

    @Override
    public int count(String text) {
        Objects.requireNonNull(text, "text is null");
        return counting.count(text);
    }

    /**
     * The exact count of {@code text} when every chunk of it is among those this counter counted lately (for
     * {@code o200k_base} and {@code cl100k_base}, texts of up to 4,096 characters), without calling jtokkit;
     * {@link #UNKNOWN} otherwise. A few microseconds for a message of common words.
     */
    @Override
    public int countIfKnown(String text) {
        Objects.requireNonNull(text, "text is null");
        return counting.countIfKnown(text);
    }

    @Override
    public String toString() {
        return "ExactTokenCounter[" + encodingName() + "]";
    }

    private static void requireNotBlank(String variable, String value, String accepted) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(variable + "=\"" + value + "\": empty; accepted: " + accepted
                    + " (leave the variable unset for the default, " + DEFAULT_ENCODING + ")");
        }
    }

    private static EncodingType encodingType(String input, String encodingName) {
        if (encodingName == null || encodingName.isBlank()) {
            throw new IllegalArgumentException(input + "=" + (encodingName == null ? "(not set)" : '"' + encodingName + '"')
                    + ": empty; accepted: " + ACCEPTED_ENCODINGS);
        }
        Optional<EncodingType> type = EncodingType.fromName(encodingName.trim().toLowerCase(Locale.ROOT));
        return type.orElseThrow(() -> new IllegalArgumentException(
                input + "=\"" + encodingName + "\": unknown encoding; accepted: " + ACCEPTED_ENCODINGS));
    }
}
