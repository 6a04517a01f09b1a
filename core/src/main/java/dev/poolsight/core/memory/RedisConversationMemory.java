package dev.poolsight.core.memory;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.RedisTopology;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactCount;
import dev.poolsight.core.tokens.ExactCountSink;
import dev.poolsight.core.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.Pool;
import redis.clients.jedis.util.SafeEncoder;

/**
 * {@link ConversationMemory} on Redis: one list of message JSON and two small hashes per conversation, all under
 * the conversation's hash tag. An append is a single EVALSHA that pushes, updates the metadata, trims to the
 * limits and refreshes the TTL; reads never write.
 *
 * <p>The store runs on one server, on a master that Sentinels watch (it follows a failover to the new master), or on
 * a Redis Cluster: the hash tag puts all of a conversation's keys in one slot, so every operation goes to the one
 * node that serves it. With {@code REDIS_WAIT_REPLICAS} above 0 an append returns only once that many replicas
 * have it, else fails with {@link ReplicationNotConfirmedException}.
 */
public final class RedisConversationMemory implements ConversationMemory, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConversationMemory.class);
    private static final RedisScript APPEND = RedisScript.fromResource("append.lua");
    private static final RedisScript APPLY_EXACT_COUNTS = RedisScript.fromResource("apply-exact-counts.lua");
    /** The append script's reply: message count, token count and estimated count, then the trimmed messages. */
    private static final int REPLY_COUNTS = 3;
    /** The append script's first reply element when a message id is in the conversation already; nothing changed. */
    private static final long DUPLICATE_ID = -1;
    /** The script's flag for a message whose token count is an estimate, and for one whose count is exact. */
    private static final byte[] TRUE = SafeEncoder.encode("1");
    private static final byte[] FALSE = SafeEncoder.encode("0");
    private static final byte[] RETRY = SafeEncoder.encode("retry");

    private final RedisConnections connections;
    /** Null when appends need no replica to acknowledge them. */
    private final ReplicaAcknowledgement replicaAcknowledgement;
    private final MemoryOperationTimes times = new MemoryOperationTimes();
    private final MemoryOptions options;
    private final boolean ownsPool;
    private final RecentConversationKeys recentKeys;
    /** The append script's first three arguments, the same for every append: TTL, message limit, token limit. */
    private final List<byte[]> limitArguments;
    /** One sink for all of the store's counts, so that the counter's worker hands over all it took in one call. */
    private final ExactCountSink<CountedMessage> exactCounts = this::applyExactCounts;

    private RedisConversationMemory(RedisConnections connections, RedisSettings settings, MemoryOptions options,
            boolean ownsPool) {
        this.connections = connections;
        this.replicaAcknowledgement = ReplicaAcknowledgement.of(settings);
        this.options = options;
        this.ownsPool = ownsPool;
        this.recentKeys = new RecentConversationKeys(options.keyPrefix());
        this.limitArguments = List.of(Protocol.toByteArray(options.ttl().toMillis()),
                Protocol.toByteArray(options.maxMessages()), Protocol.toByteArray(options.maxTokens()));
    }

    /**
     * A store with its own pools, sized by {@code settings}, on the topology they name; {@link #close()} closes the
     * pools.
     */
    public static RedisConversationMemory create(RedisSettings settings, MemoryOptions options) {
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(options, "options is null");
        RedisTopology topology = settings.topology();
        RedisConnections connections;
        if (topology instanceof RedisTopology.Cluster) {
            connections = ClusterConnections.create(settings);
        } else if (topology instanceof RedisTopology.Sentinel) {
            connections = PoolConnections.toSentinelMaster(settings);
        } else {
            connections = new PoolConnections(RedisPoolFactory.create(settings), topology.describe(), settings);
        }
        return new RedisConversationMemory(connections, settings, options, true);
    }

    /**
     * A store on a pool the caller made with {@code RedisPoolFactory.create(settings)} or
     * {@code RedisPoolFactory.createSentinelPool(settings)}, owns and closes; errors name the server and the
     * settings' variables.
     */
    public static RedisConversationMemory onPool(Pool<Jedis> pool, RedisSettings settings, MemoryOptions options) {
        Objects.requireNonNull(pool, "pool is null");
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(options, "options is null");
        return new RedisConversationMemory(new PoolConnections(pool, settings.topology().describe(), settings),
                settings, options, false);
    }

    /** A store on a pool the caller owns and closes; {@code server} names it in errors (no password). */
    public static RedisConversationMemory onPool(Pool<Jedis> pool, String server, MemoryOptions options) {
        Objects.requireNonNull(pool, "pool is null");
        Objects.requireNonNull(server, "server is null");
        Objects.requireNonNull(options, "options is null");
        return new RedisConversationMemory(new PoolConnections(pool, server, null), null, options, false);
    }

    @Override
    public AppendResult append(String conversationId, List<Message> messages) {
        long start = times.start();
        boolean failed = true;
        try {
            AppendResult result = untimedAppend(conversationId, messages);
            failed = false;
            return result;
        } finally {
            times.record(MemoryOperation.APPEND, start, failed);
        }
    }

    private AppendResult untimedAppend(String conversationId, List<Message> messages) {
        ConversationKeys keys = keys(conversationId);
        Objects.requireNonNull(messages, "messages is null");
        if (messages.isEmpty()) {
            return new AppendResult(metaField(conversationId, "count"), metaField(conversationId, "tokens"), List.of());
        }
        requirePresentAndDistinct(conversationId, messages);
        boolean[] estimated = new boolean[messages.size()];
        List<byte[]> args = appendArguments(messages, estimated);
        List<?> reply = (List<?>) connections.call(keys.messagesEncoded(),
                jedis -> APPEND.run(jedis, keys.allEncoded(), args),
                jedis -> APPEND.run(jedis, keys.allEncoded(), retryOf(args)),
                afterAppend(conversationId));
        if ((Long) reply.get(0) == DUPLICATE_ID) {
            int index = ((Long) reply.get(1)).intValue() - 1;
            throw DuplicateMessageIdException.heldAlready(conversationId, index, messages.get(index).id());
        }
        submitExactCounts(keys, messages, estimated);
        return new AppendResult((Long) reply.get(0), (Long) reply.get(1),
                trimmed(conversationId, reply.subList(REPLY_COUNTS, reply.size())));
    }

    private RedisConnections.AfterWork afterAppend(String conversationId) {
        ReplicaAcknowledgement acknowledgement = replicaAcknowledgement;
        return acknowledgement == null ? RedisConnections.AfterWork.NONE
                : (jedis, master) -> acknowledgement.await(jedis, master, conversationId);
    }

    /**
     * The append sent again after its connection broke: the script then takes an append whose ids it holds, all of
     * them, for this one stored before the break, and returns the counts without storing anything twice. The trimmed
     * messages of that first attempt are not known any more.
     */
    private static List<byte[]> retryOf(List<byte[]> args) {
        List<byte[]> retry = new ArrayList<>(args.size() + 1);
        retry.addAll(args);
        retry.add(RETRY);
        return retry;
    }

    /** Most appends carry a single message, which needs no set to be checked. */
    private static void requirePresentAndDistinct(String conversationId, List<Message> messages) {
        if (messages.size() == 1) {
            Objects.requireNonNull(messages.get(0), "messages[0] is null");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            if (message == null) {
                throw new NullPointerException("messages[" + i + "] is null");
            }
            if (!ids.add(message.id())) {
                throw DuplicateMessageIdException.twiceInOneAppend(conversationId, i, message.id());
            }
        }
    }

    /** The script's arguments as bytes: the message JSON is written as UTF-8 at once, not as a string to encode. */
    private List<byte[]> appendArguments(List<Message> messages, boolean[] estimated) {
        List<byte[]> args = new ArrayList<>(5 + messages.size() * 4);
        args.addAll(limitArguments);
        args.add(Protocol.toByteArray(System.currentTimeMillis()));
        args.add(Protocol.toByteArray(messages.size()));
        AsyncTokenCounter async = options.asyncTokenCounter();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            String content = message.content();
            int tokens;
            if (async == null || content.isEmpty()) {
                tokens = options.tokenCounter().count(content);
            } else {
                // Known at once when every word of the message was counted lately: stored exact, no second write.
                tokens = async.countIfKnown(content);
                estimated[i] = tokens == TokenCounter.UNKNOWN;
                if (estimated[i]) {
                    tokens = async.estimate(content);
                }
            }
            args.add(SafeEncoder.encode(message.id()));
            args.add(withinSizeLimit(i, message));
            args.add(Protocol.toByteArray(tokens));
            args.add(estimated[i] ? TRUE : FALSE);
        }
        return args;
    }

    /**
     * The message's JSON, unless it is larger than {@code maxMessageBytes}: nothing of the append is sent then. A text
     * with more characters than the limit has bytes is refused before it is encoded (every character is a byte or more).
     */
    private byte[] withinSizeLimit(int index, Message message) {
        int limit = options.maxMessageBytes();
        if (message.content().length() > limit) {
            throw new MessageTooLargeException(index, message.id(), "more than " + limit, limit);
        }
        byte[] json = MessageCodec.encode(message);
        if (json.length > limit) {
            throw new MessageTooLargeException(index, message.id(), Integer.toString(json.length), limit);
        }
        return json;
    }

    /**
     * The trimmed messages, from their stored JSON. Without a trim listener nobody may look at them, so they are
     * decoded when read; a listener is told of them decoded, before the append returns.
     */
    private List<Message> trimmed(String conversationId, List<?> json) {
        if (json.isEmpty()) {
            return List.of();
        }
        if (options.trimListener() == TrimListener.NONE) {
            return new MessagesDecodedOnRead(json);
        }
        List<Message> trimmed = new ArrayList<>(json.size());
        for (Object message : json) {
            trimmed.add(MessageCodec.decode((byte[]) message));
        }
        tellTrimListener(conversationId, trimmed);
        return trimmed;
    }

    /** A message whose submission is refused keeps its estimate, marked as such; the counter counts the fallback. */
    private void submitExactCounts(ConversationKeys keys, List<Message> messages, boolean[] estimated) {
        AsyncTokenCounter async = options.asyncTokenCounter();
        for (int i = 0; i < messages.size(); i++) {
            if (estimated[i]) {
                async.submit(messages.get(i).content(), new CountedMessage(keys, messages.get(i).id()), exactCounts);
            }
        }
    }

    /**
     * Applies exact counts, as few script calls as the topology allows: one on a single server, one per slot on a
     * cluster. When a conversation's exact total is over {@code maxTokens}, the script trims in the same step and the
     * trim listener is told here, on the counter's worker thread. A call that fails leaves its messages' estimates;
     * the others are applied all the same, and the first failure is thrown at the end.
     */
    void applyExactCounts(List<ExactCount<CountedMessage>> counts) {
        RuntimeException failure = null;
        for (List<ExactCount<CountedMessage>> group
                : connections.groupsForOneCommand(counts, count -> count.target().keys().messagesEncoded())) {
            try {
                applyInOneCall(group);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void applyInOneCall(List<ExactCount<CountedMessage>> counts) {
        List<byte[]> keys = new ArrayList<>(counts.size() * 3);
        List<byte[]> args = new ArrayList<>(1 + counts.size() * 2);
        args.add(limitArguments.get(2));
        for (ExactCount<CountedMessage> count : counts) {
            keys.addAll(count.target().keys().countKeysEncoded());
            args.add(SafeEncoder.encode(count.target().messageId()));
            args.add(Protocol.toByteArray(count.tokens()));
        }
        List<?> replies = (List<?>) connections.call(counts.get(0).target().keys().messagesEncoded(),
                jedis -> APPLY_EXACT_COUNTS.run(jedis, keys, args));
        if (options.trimListener() == TrimListener.NONE) {
            return;
        }
        for (int i = 0; i < counts.size(); i++) {
            List<?> reply = (List<?>) replies.get(i);
            if (reply.size() > 1) {
                List<Message> trimmed = new ArrayList<>(reply.size() - 1);
                for (Object json : reply.subList(1, reply.size())) {
                    trimmed.add(MessageCodec.decode((byte[]) json));
                }
                tellTrimListener(counts.get(i).target().keys().conversationId(), trimmed);
            }
        }
    }

    private void tellTrimListener(String conversationId, List<Message> trimmed) {
        try {
            options.trimListener().onTrimmed(conversationId, trimmed);
        } catch (RuntimeException e) {
            LOG.warn("The trim listener failed for conversation {} ({} messages trimmed); the append itself was stored",
                    conversationId, trimmed.size(), e);
        }
    }

    @Override
    public List<Message> readAll(String conversationId) {
        return timed(MemoryOperation.READ_ALL, () -> range(conversationId, 0, -1));
    }

    @Override
    public List<Message> readLast(String conversationId, int count) {
        requireNonNegative("count", count);
        return timed(MemoryOperation.READ_WINDOW, () -> count == 0 ? List.of() : range(conversationId, -count, -1));
    }

    @Override
    public List<Message> readPage(String conversationId, int offset, int limit) {
        requireNonNegative("offset", offset);
        requireNonNegative("limit", limit);
        return timed(MemoryOperation.READ_PAGE,
                () -> limit == 0 ? List.of() : range(conversationId, offset, (long) offset + limit - 1));
    }

    /** The store's own operation times since it started; see {@link MemoryStoreMBean} to show them over JMX. */
    public MemoryOperationTimes operationTimes() {
        return times;
    }

    private <T> T timed(MemoryOperation operation, Supplier<T> call) {
        long start = times.start();
        boolean failed = true;
        try {
            T result = call.get();
            failed = false;
            return result;
        } finally {
            times.record(operation, start, failed);
        }
    }

    private List<Message> range(String conversationId, long start, long stop) {
        byte[] list = keys(conversationId).messagesEncoded();
        List<byte[]> jsons = connections.call(list, jedis -> jedis.lrange(list, start, stop));
        List<Message> messages = new ArrayList<>(jsons.size());
        for (byte[] json : jsons) {
            messages.add(MessageCodec.decode(json));
        }
        return messages;
    }

    @Override
    public long messageCount(String conversationId) {
        return timed(MemoryOperation.COUNT, () -> metaField(conversationId, "count"));
    }

    @Override
    public long tokenCount(String conversationId) {
        return timed(MemoryOperation.COUNT, () -> metaField(conversationId, "tokens"));
    }

    private long metaField(String conversationId, String field) {
        ConversationKeys keys = keys(conversationId);
        String meta = keys.meta();
        String value = connections.call(keys.messagesEncoded(), jedis -> jedis.hget(meta, field));
        return value == null ? 0 : Long.parseLong(value);
    }

    /** How many of the conversation's messages still carry an estimated token count. */
    public long estimatedMessageCount(String conversationId) {
        return metaField(conversationId, "estimated");
    }

    @Override
    public boolean clear(String conversationId) {
        ConversationKeys keys = keys(conversationId);
        String[] all = keys.all().toArray(String[]::new);
        return timed(MemoryOperation.CLEAR,
                () -> connections.call(keys.messagesEncoded(), jedis -> jedis.del(all)) > 0);
    }

    @Override
    public boolean exists(String conversationId) {
        ConversationKeys keys = keys(conversationId);
        String meta = keys.meta();
        return connections.call(keys.messagesEncoded(), jedis -> jedis.exists(meta));
    }

    private ConversationKeys keys(String conversationId) {
        return recentKeys.of(conversationId);
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " " + value + " is not valid; accepted: 0 or more");
        }
    }

    /** A message whose estimated token count waits for its exact count. */
    record CountedMessage(ConversationKeys keys, String messageId) {
    }

    /** Closes the pools if this store made them; a pool passed to {@link #onPool} stays open. */
    @Override
    public void close() {
        if (ownsPool) {
            connections.close();
        }
    }
}
