package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisConversationMemoryTest {

    private final MemoryFixture fixture = new MemoryFixture();
    private final ConversationMemory memory = fixture.memory;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void readAllReturnsEveryMessageOldestFirst() {
        Message system = Message.system("You are terse.").pin();
        Message question = Message.user("What is a hash tag?");
        Message answer = Message.assistant("A {part} of the key that picks the slot.");

        memory.append("c1", system);
        memory.append("c1", List.of(question, answer));

        assertThat(memory.readAll("c1")).containsExactly(system, question, answer);
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Message message = new Message("tool-call-7", Role.TOOL, "{\"temperature\": 21}\n\u00e9\u4e2d\ud83d\ude00",
                Instant.parse("2026-11-26T10:15:30.123Z"), Map.of("tool", "weather", "call", "7"), true);

        memory.append("c1", message);

        assertThat(memory.readAll("c1")).containsExactly(message);
    }

    @Test
    void readLastReturnsTheNewestWindowOldestFirst() {
        appendNumbered("c1", 10);

        assertThat(contents(memory.readLast("c1", 3))).containsExactly("m7", "m8", "m9");
        assertThat(contents(memory.readLast("c1", 50))).hasSize(10);
        assertThat(memory.readLast("c1", 0)).isEmpty();
    }

    @Test
    void readPageReturnsLimitMessagesFromOffset() {
        appendNumbered("c1", 10);

        assertThat(contents(memory.readPage("c1", 2, 3))).containsExactly("m2", "m3", "m4");
        assertThat(contents(memory.readPage("c1", 8, 5))).containsExactly("m8", "m9");
        assertThat(memory.readPage("c1", 20, 5)).isEmpty();
    }

    @Test
    void countsFollowTheAppends() {
        AppendResult result = memory.append("c1", List.of(Message.user("12345678"), Message.assistant("1234")));

        assertThat(result.messageCount()).isEqualTo(2);
        assertThat(result.tokenCount()).isEqualTo(3);
        assertThat(memory.messageCount("c1")).isEqualTo(2);
        assertThat(memory.tokenCount("c1")).isEqualTo(3);
    }

    @Test
    void aConversationExistsFromItsFirstAppendUntilItIsCleared() {
        assertThat(memory.exists("c1")).isFalse();

        memory.append("c1", Message.user("hello"));
        assertThat(memory.exists("c1")).isTrue();

        assertThat(memory.clear("c1")).isTrue();
        assertThat(memory.exists("c1")).isFalse();
        assertThat(memory.readAll("c1")).isEmpty();
        assertThat(memory.messageCount("c1")).isZero();
        assertThat(memory.tokenCount("c1")).isZero();
        assertThat(memory.clear("c1")).isFalse();
    }

    @Test
    void anUnknownConversationReadsEmpty() {
        assertThat(memory.readAll("nobody")).isEmpty();
        assertThat(memory.readLast("nobody", 5)).isEmpty();
        assertThat(memory.messageCount("nobody")).isZero();
    }

    @Test
    void conversationsAreKeptApart() {
        memory.append("c1", Message.user("one"));
        memory.append("c2", Message.user("two"));

        assertThat(contents(memory.readAll("c1"))).containsExactly("one");
        assertThat(contents(memory.readAll("c2"))).containsExactly("two");
    }

    @Test
    void keysCarryThePrefixAndTheConversationAsHashTag() {
        memory.append("tenant-a:chat-9", Message.user("hi"));

        try (Jedis jedis = fixture.jedis()) {
            assertThat(jedis.keys(fixture.prefix + ":*")).containsExactlyInAnyOrder(
                    fixture.prefix + ":{tenant-a:chat-9}:messages",
                    fixture.prefix + ":{tenant-a:chat-9}:meta",
                    fixture.prefix + ":{tenant-a:chat-9}:tokens");
            assertThat(JedisClusterCRC16.getSlot(fixture.prefix + ":{tenant-a:chat-9}:messages"))
                    .isEqualTo(JedisClusterCRC16.getSlot(fixture.prefix + ":{tenant-a:chat-9}:meta"))
                    .isEqualTo(JedisClusterCRC16.getSlot(fixture.prefix + ":{tenant-a:chat-9}:tokens"));
        }
    }

    @Test
    void invalidConversationIdsAreRefusedWithTheRule() {
        for (String bad : List.of("", "has space", "{brace}", "x".repeat(257))) {
            assertThatThrownBy(() -> memory.append(bad, Message.user("hi")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("conversation id \"")
                    .hasMessageContaining("accepted: 1 to 256 characters from A-Z, a-z, 0-9 and _ . : @ / + = -");
        }
    }

    @Test
    void duplicateMessageIdsInOneAppendAreRefused() {
        Message message = Message.user("hi");

        assertThatThrownBy(() -> memory.append("c1", List.of(message, message)))
                .isInstanceOf(DuplicateMessageIdException.class)
                .hasMessageContaining("appears twice in one append");
        assertThat(memory.exists("c1")).isFalse();
    }

    @Test
    void anAppendIsOneEvalshaRoundTrip() {
        memory.append("c1", Message.user("warm the script cache"));
        try (Jedis jedis = fixture.jedis()) {
            Map<String, Long> before = commandCalls(jedis);

            memory.append("c1", List.of(Message.user("a"), Message.assistant("b")));

            Map<String, Long> after = commandCalls(jedis);
            assertThat(after.getOrDefault("evalsha", 0L) - before.getOrDefault("evalsha", 0L)).isEqualTo(1);
            assertThat(after.getOrDefault("script|load", 0L) + after.getOrDefault("script", 0L))
                    .isEqualTo(before.getOrDefault("script|load", 0L) + before.getOrDefault("script", 0L));
        }
    }

    @Test
    void theScriptIsLoadedAgainAfterTheServerForgotIt() {
        memory.append("c1", Message.user("before"));
        try (Jedis jedis = fixture.jedis()) {
            jedis.scriptFlush();
        }

        memory.append("c1", Message.user("after"));

        assertThat(contents(memory.readAll("c1"))).containsExactly("before", "after");
    }

    private void appendNumbered(String conversationId, int count) {
        for (int i = 0; i < count; i++) {
            memory.append(conversationId, Message.user("m" + i));
        }
    }

    static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }

    /** Calls per command from INFO commandstats, such as evalsha=12. */
    private static Map<String, Long> commandCalls(Jedis jedis) {
        Map<String, Long> calls = new java.util.HashMap<>();
        for (String line : jedis.info("commandstats").lines().toList()) {
            if (line.startsWith("cmdstat_")) {
                String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                String rest = line.substring(line.indexOf("calls=") + "calls=".length());
                calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
            }
        }
        return calls;
    }
}
