package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.core.config.RedisSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every public method of the store refuses a bad argument with a message that names it, and stores nothing: a
 * missing one with a NullPointerException, as the JDK does, a bad value with an IllegalArgumentException.
 */
class ArgumentChecksTest {

    private final MemoryFixture fixture = new MemoryFixture();
    private final RedisConversationMemory memory = fixture.memory;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private static void refused(ThrowingCallable call, String named) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(named);
    }

    private static void missing(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(argument + " is null");
    }

    @Test
    void aNullMessageIsNamed() {
        missing(() -> memory.append("c", (Message) null), "message");
        assertThat(memory.exists("c")).isFalse();
    }

    @Test
    void aNullListOfMessagesIsNamed() {
        missing(() -> memory.append("c", (List<Message>) null), "messages");
    }

    @Test
    void aNullElementOfTheListIsNamedWithItsIndexAndNothingIsStored() {
        missing(() -> memory.append("c", Arrays.asList(Message.user("a"), null)), "messages[1]");
        assertThat(memory.exists("c")).isFalse();
    }

    @Test
    void aNullConversationIdIsNamedByEveryMethod() {
        List<ThrowingCallable> calls = List.of(
                () -> memory.append(null, Message.user("a")),
                () -> memory.append(null, List.of()),
                () -> memory.readAll(null),
                () -> memory.readLast(null, 1),
                () -> memory.readPage(null, 0, 1),
                () -> memory.messageCount(null),
                () -> memory.tokenCount(null),
                () -> memory.estimatedMessageCount(null),
                () -> memory.clear(null),
                () -> memory.exists(null));
        for (ThrowingCallable call : calls) {
            refused(call, "conversation id null is not valid");
        }
    }

    @Test
    void negativeCountsAreNamed() {
        refused(() -> memory.readLast("c", -1), "count -1 is not valid");
        refused(() -> memory.readPage("c", -1, 1), "offset -1 is not valid");
        refused(() -> memory.readPage("c", 0, -2), "limit -2 is not valid");
    }

    @Test
    void aMessageNamesANullMetadataKeyOrValue() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("tool", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "x");

        assertThatThrownBy(() -> Message.user("a").withMetadata(nullValue)).hasMessage("metadata[\"tool\"] is null");
        assertThatThrownBy(() -> Message.user("a").withMetadata(nullKey)).hasMessage("metadata has a null key");
        missing(() -> Message.user("a").withMetadata(null), "metadata");
        missing(() -> Message.of(null, "a"), "role");
        missing(() -> Message.user(null), "content");
    }

    @Test
    void theFactoriesNameWhatIsMissing() {
        RedisSettings settings = RedisSettings.builder().build();
        MemoryOptions options = MemoryOptions.defaults();

        missing(() -> RedisConversationMemory.create(null, options), "settings");
        missing(() -> RedisConversationMemory.create(settings, null), "options");
        missing(() -> RedisConversationMemory.onPool(null, "redis://x", options), "pool");
        missing(() -> RedisConversationMemory.onPool(fixture.pool, (String) null, options), "server");
        missing(() -> RedisConversationMemory.onPool(fixture.pool, (RedisSettings) null, options), "settings");
        missing(() -> RedisConversationMemory.onPool(fixture.pool, "redis://x", null), "options");
    }
}
