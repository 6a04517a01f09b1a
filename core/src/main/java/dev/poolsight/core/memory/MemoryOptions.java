package dev.poolsight.core.memory;

import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.TokenCounter;
import dev.poolsight.core.tokens.TokenEstimator;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a store keeps its conversations: key prefix, limits, TTL, token counter and trim listener.
 * Zero means "no limit" for {@code maxMessages}, {@code maxTokens} and {@code ttl}; {@code maxMessageBytes} always
 * holds.
 */
public final class MemoryOptions {

    public static final String DEFAULT_KEY_PREFIX = "poolsight:memory";
    /**
     * 8 MiB: a message of 5 MB of text fits with room for escapes and metadata. Redis stores and moves a message in
     * one piece on its single thread (a 100 MB message took 3.4 s), so a limit keeps one caller from stalling every
     * other.
     */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    /** Redis' own limit on one bulk string (proto-max-bulk-len), 512 MiB. */
    static final int MAX_MESSAGE_BYTES_LIMIT = 512 * 1024 * 1024;
    static final int MIN_MESSAGE_BYTES_LIMIT = 1024;
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    private final String keyPrefix;
    private final int maxMessages;
    private final long maxTokens;
    private final int maxMessageBytes;
    private final Duration ttl;
    private final TokenCounter tokenCounter;
    private final AsyncTokenCounter asyncTokenCounter;
    private final TrimListener trimListener;

    private MemoryOptions(Builder builder) {
        this.keyPrefix = builder.keyPrefix;
        this.maxMessages = builder.maxMessages;
        this.maxTokens = builder.maxTokens;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.ttl = builder.ttl;
        this.tokenCounter = builder.tokenCounter;
        this.asyncTokenCounter = builder.asyncTokenCounter;
        this.trimListener = builder.trimListener;
    }

    public static MemoryOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public int maxMessages() {
        return maxMessages;
    }

    public long maxTokens() {
        return maxTokens;
    }

    /** The largest message an append accepts, in bytes as stored: its JSON (content, metadata, id, role), UTF-8. */
    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public Duration ttl() {
        return ttl;
    }

    public TokenCounter tokenCounter() {
        return tokenCounter;
    }

    /** The asynchronous counter, when appends store an estimate and the exact count follows; else null. */
    public AsyncTokenCounter asyncTokenCounter() {
        return asyncTokenCounter;
    }

    public TrimListener trimListener() {
        return trimListener;
    }

    /** Options in code; each method checks its value at once. */
    public static final class Builder {
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private int maxMessages;
        private long maxTokens;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Duration ttl = Duration.ZERO;
        private TokenCounter tokenCounter = new TokenEstimator();
        private AsyncTokenCounter asyncTokenCounter;
        private TrimListener trimListener = TrimListener.NONE;

        private Builder() {
        }

        /** The namespace (or tenant) in front of every key: 1 to 64 of A-Z a-z 0-9 _ . : - */
        public Builder keyPrefix(String prefix) {
            if (prefix == null || !KEY_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("key prefix \"" + prefix
                        + "\" is not valid; accepted: 1 to 64 characters from A-Z, a-z, 0-9 and _ . : -");
            }
            this.keyPrefix = prefix;
            return this;
        }

        /** The most messages a conversation keeps; older unpinned ones are trimmed. 0 = no limit. */
        public Builder maxMessages(int max) {
            this.maxMessages = nonNegative("maxMessages", max);
            return this;
        }

        /** The most tokens a conversation keeps; older unpinned messages are trimmed. 0 = no limit. */
        public Builder maxTokens(long max) {
            this.maxTokens = nonNegative("maxTokens", max);
            return this;
        }

        /**
         * The largest message an append accepts, in bytes as stored (its JSON in UTF-8: content, metadata and about
         * 80 bytes of fields); an append with a larger message is refused whole. Default 8 MiB
         * ({@value #DEFAULT_MAX_MESSAGE_BYTES}); accepted: 1 KiB to 512 MiB.
         */
        public Builder maxMessageBytes(int bytes) {
            if (bytes < MIN_MESSAGE_BYTES_LIMIT || bytes > MAX_MESSAGE_BYTES_LIMIT) {
                throw new IllegalArgumentException("maxMessageBytes " + bytes + " is not valid; accepted: "
                        + MIN_MESSAGE_BYTES_LIMIT + " (1 KiB) to " + MAX_MESSAGE_BYTES_LIMIT + " (512 MiB, Redis' limit)");
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        /** How long an idle conversation lives; every append starts it again. Zero = forever. */
        public Builder ttl(Duration timeToLive) {
            Objects.requireNonNull(timeToLive, "ttl is null");
            if (timeToLive.isNegative() || (!timeToLive.isZero() && timeToLive.toMillis() == 0)) {
                throw new IllegalArgumentException("ttl " + timeToLive
                        + " is not valid; accepted: zero (no expiry) or at least one millisecond");
            }
            this.ttl = timeToLive;
            return this;
        }

        /** Counts tokens on the append path, synchronously. */
        public Builder tokenCounter(TokenCounter counter) {
            this.tokenCounter = Objects.requireNonNull(counter, "tokenCounter is null");
            return this;
        }

        /**
         * Counts tokens off the append path: appends store the counter's estimate and the exact count replaces it
         * when a worker has computed it. The store does not close the counter; its owner does.
         */
        public Builder asyncTokenCounter(AsyncTokenCounter counter) {
            this.asyncTokenCounter = Objects.requireNonNull(counter, "asyncTokenCounter is null");
            return this;
        }

        public Builder trimListener(TrimListener listener) {
            this.trimListener = Objects.requireNonNull(listener, "trimListener is null");
            return this;
        }

        public MemoryOptions build() {
            return new MemoryOptions(this);
        }

        private static <N extends Number> N nonNegative(String name, N value) {
            if (value.longValue() < 0) {
                throw new IllegalArgumentException(name + " " + value + " is not valid; accepted: 0 (no limit) or more");
            }
            return value;
        }
    }
}
