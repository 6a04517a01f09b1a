package dev.poolsight.core.memory;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Stored messages kept as their JSON and each decoded the first time it is read. An append that trims returns
 * the trimmed messages, which most callers never look at; decoding them at once cost 3 us (100 B) to 12 us (8 KB)
 * a message on the append path.
 *
 * <p>Immutable, and safe to share between threads without a lock: two threads that read a message at the same
 * time may both decode it, into equal {@link Message}s, and either copy is safe to publish because a message's
 * fields are final.
 */
final class MessagesDecodedOnRead extends AbstractList<Message> implements RandomAccess {

    private final byte[][] json;
    private final Message[] decoded;

    /** @param json the stored form of each message, the UTF-8 JSON {@link MessageCodec#encode} wrote */
    MessagesDecodedOnRead(List<?> json) {
        this.json = json.toArray(byte[][]::new);
        this.decoded = new Message[this.json.length];
    }

    @Override
    public Message get(int index) {
        Objects.checkIndex(index, json.length);
        Message message = decoded[index];
        if (message == null) {
            message = MessageCodec.decode(json[index]);
            decoded[index] = message;
        }
        return message;
    }

    @Override
    public int size() {
        return json.length;
    }
}
