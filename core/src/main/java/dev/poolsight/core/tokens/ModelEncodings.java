package dev.poolsight.core.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.ModelType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which tokenizer encoding a model name uses. A name is matched, after trimming and lower-casing, first against
 * jtokkit's {@link ModelType} names, then against these prefixes, in this order:
 *
 * <table>
 *   <caption>Prefix rules</caption>
 *   <tr><th>Model names starting with</th><th>Encoding</th></tr>
 *   <tr><td>{@code gpt-5}, {@code gpt-4.5}, {@code gpt-4.1}, {@code gpt-4o}, {@code chatgpt-4o}, {@code o1},
 *       {@code o3}, {@code o4}</td><td>{@code o200k_base}</td></tr>
 *   <tr><td>{@code gpt-4}, {@code gpt-3.5}, {@code gpt-35-turbo} (Azure), {@code text-embedding-3-}</td>
 *       <td>{@code cl100k_base}</td></tr>
 * </table>
 *
 * The newer families come first so that {@code gpt-4o} and {@code gpt-4.1} are not taken for {@code gpt-4}.
 * A fine-tuned model's name ({@code ft:gpt-4o-mini:acme::abc123}) is matched by its base model.
 */
public final class ModelEncodings {

    private static final String FINE_TUNED = "ft:";

    private static final List<Prefix> PREFIXES = List.of(
            new Prefix("gpt-5", EncodingType.O200K_BASE),
            new Prefix("gpt-4.5", EncodingType.O200K_BASE),
            new Prefix("gpt-4.1", EncodingType.O200K_BASE),
            new Prefix("gpt-4o", EncodingType.O200K_BASE),
            new Prefix("chatgpt-4o", EncodingType.O200K_BASE),
            new Prefix("o1", EncodingType.O200K_BASE),
            new Prefix("o3", EncodingType.O200K_BASE),
            new Prefix("o4", EncodingType.O200K_BASE),
            new Prefix("gpt-4", EncodingType.CL100K_BASE),
            new Prefix("gpt-3.5", EncodingType.CL100K_BASE),
            new Prefix("gpt-35-turbo", EncodingType.CL100K_BASE),
            new Prefix("text-embedding-3-", EncodingType.CL100K_BASE));

    private static final String ACCEPTED = describeAccepted();

    private ModelEncodings() {
    }

    /** The encoding of {@code modelName}, or empty when no rule knows the name. */
    public static Optional<EncodingType> find(String modelName) {
        String name = modelName.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith(FINE_TUNED)) {
            name = name.substring(FINE_TUNED.length());
        }
        Optional<ModelType> known = ModelType.fromName(name);
        if (known.isPresent()) {
            return Optional.of(known.get().getEncodingType());
        }
        for (Prefix prefix : PREFIXES) {
            if (name.startsWith(prefix.start())) {
                return Optional.of(prefix.encoding());
            }
        }
        return Optional.empty();
    }

    /**
     * The encoding of {@code modelName}.
     *
     * @throws IllegalArgumentException when no rule knows the name; the message names the model and lists what is
     *         accepted
     */
    public static EncodingType encodingFor(String modelName) {
        return encodingFor("model", modelName);
    }

    /** Like {@link #encodingFor(String)}, naming the input {@code input} (a setting, say) in the message. */
    static EncodingType encodingFor(String input, String modelName) {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException(input + "=" + (modelName == null ? "(not set)" : '"' + modelName + '"')
                    + ": empty; accepted: " + ACCEPTED);
        }
        return find(modelName).orElseThrow(() -> new IllegalArgumentException(
                input + "=\"" + modelName + "\": unknown model; accepted: " + ACCEPTED));
    }

    /** What {@link #encodingFor(String)} accepts, in words, for error messages. */
    static String accepted() {
        return ACCEPTED;
    }

    private static String describeAccepted() {
        List<String> o200k = new ArrayList<>();
        List<String> cl100k = new ArrayList<>();
        for (Prefix prefix : PREFIXES) {
            (prefix.encoding() == EncodingType.O200K_BASE ? o200k : cl100k).add(prefix.start());
        }
        List<String> others = new ArrayList<>();
        for (ModelType model : ModelType.values()) {
            if (PREFIXES.stream().noneMatch(prefix -> model.getName().startsWith(prefix.start()))) {
                others.add(model.getName());
            }
        }
        return "a name starting with " + String.join(", ", o200k) + " (o200k_base) or "
                + String.join(", ", cl100k) + " (cl100k_base), or one of " + String.join(", ", others)
                + "; a fine-tuned model's ft: prefix is allowed";
    }

    private record Prefix(String start, EncodingType encoding) {
    }
}
