package dev.poolsight.core.memory;

import static dev.poolsight.core.memory.RedisConversationMemoryTest.contents;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrimmingTest {

    private final List<List<Message>> told = new CopyOnWriteArrayList<>();
    private MemoryFixture fixture;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private ConversationMemory store(int maxMessages, long maxTokens) {
        fixture = new MemoryFixture(settings -> settings, options -> options
                .maxMessages(maxMessages).maxTokens(maxTokens)
                .trimListener((conversation, trimmed) -> told.add(trimmed)));
        return fixture.memory;
    }

    @Test
    void trimmingByCountDropsTheOldestAndKeepsThePinnedSystemPrompt() {
        ConversationMemory memory = store(3, 0);
        memory.append("c1", Message.system("rules").pin());
        memory.append("c1", Message.user("q1"));
        memory.append("c1", Message.assistant("a1"));

        AppendResult result = memory.append("c1", Message.user("q2"));

        assertThat(contents(memory.readAll("c1"))).containsExactly("rules", "a1", "q2");
        assertThat(contents(result.trimmed())).containsExactly("q1");
        assertThat(result.messageCount()).isEqualTo(3);
    }

    @Test
    void withoutATrimListenerTheResultStillHoldsTheTrimmedMessages() {
        fixture = new MemoryFixture(settings -> settings, options -> options.maxMessages(2));
        ConversationMemory memory = fixture.memory;
        Message first = Message.user("q1").withMetadata(Map.of("turn", "1"));
        Message second = Message.assistant("a1");
        memory.append("c1", List.of(first, second));

        AppendResult result = memory.append("c1", List.of(Message.user("q2"), Message.assistant("a2")));

        assertThat(result.trimmed()).containsExactly(first, second);
        assertThat(result.messageCount()).isEqualTo(2);
    }

    @Test
    void theTrimListenerHearsOfEveryTrimmedMessage() {
        ConversationMemory memory = store(2, 0);
        for (int i = 0; i < 5; i++) {
            memory.append("c1", Message.user("m" + i));
        }

        assertThat(told).hasSize(3);
        assertThat(told.stream().flatMap(List::stream).map(Message::content)).containsExactly("m0", "m1", "m2");
    }

    @Test
    void trimmingByTokensDropsOldestUntilTheTotalFits() {
        ConversationMemory memory = store(0, 10);
        memory.append("c1", Message.system("12345678").pin()); // 2 tokens
        memory.append("c1", Message.user("1234567890123456")); // 4
        memory.append("c1", Message.user("1234567890123456")); // 4

        AppendResult result = memory.append("c1", Message.assistant("123456789012")); // 3

        assertThat(result.tokenCount()).isEqualTo(9);
        assertThat(result.trimmed()).hasSize(1);
        assertThat(memory.tokenCount("c1")).isEqualTo(9);
        assertThat(memory.readAll("c1").get(0).pinned()).isTrue();
    }

    @Test
    void pinnedMessagesStayEvenWhenTheyAloneExceedTheLimit() {
        ConversationMemory memory = store(2, 0);
        memory.append("c1", List.of(Message.system("p1").pin(), Message.system("p2").pin(), Message.system("p3").pin()));

        AppendResult result = memory.append("c1", Message.user("u1"));

        assertThat(contents(memory.readAll("c1"))).containsExactly("p1", "p2", "p3", "u1");
        assertThat(result.trimmed()).isEmpty();
    }

    @Test
    void pinnedMessagesInTheMiddleAreSkippedOver() {
        ConversationMemory memory = store(3, 0);
        memory.append("c1", Message.user("old"));
        memory.append("c1", Message.system("pinned").pin());
        memory.append("c1", Message.user("u1"));
        memory.append("c1", Message.user("u2"));
        memory.append("c1", Message.user("u3"));

        assertThat(contents(memory.readAll("c1"))).containsExactly("pinned", "u2", "u3");
    }

    @Test
    void theMessagesOfTheCurrentAppendAreNeverTrimmed() {
        ConversationMemory memory = store(2, 0);
        memory.append("c1", Message.user("old"));

        AppendResult result = memory.append("c1", List.of(Message.user("n1"), Message.user("n2"), Message.user("n3")));

        assertThat(contents(memory.readAll("c1"))).containsExactly("n1", "n2", "n3");
        assertThat(contents(result.trimmed())).containsExactly("old");
    }

    @Test
    void theMetadataAlwaysEqualsARecountOfTheList() {
        ConversationMemory memory = store(25, 300);
        Random random = new Random(42);
        for (int i = 0; i < 400; i++) {
            int batch = 1 + random.nextInt(3);
            List<Message> messages = new ArrayList<>();
            for (int j = 0; j < batch; j++) {
                Message message = Message.user("x".repeat(random.nextInt(120)));
                messages.add(random.nextInt(20) == 0 ? message.pin() : message);
            }
            memory.append("c1", messages);
            if (i % 50 == 49) {
                memory.clear("c1");
            }
            assertMetadataMatchesRecount(memory, "c1");
        }
    }

    private void assertMetadataMatchesRecount(ConversationMemory memory, String conversationId) {
        List<Message> messages = memory.readAll(conversationId);
        long tokens = messages.stream().mapToLong(m -> MemoryFixture.QUARTER_LENGTH.count(m.content())).sum();
        assertThat(memory.messageCount(conversationId)).isEqualTo(messages.size());
        assertThat(memory.tokenCount(conversationId)).isEqualTo(tokens);
        ConversationKeys keys = fixture.keys(conversationId);
        try (var jedis = fixture.jedis()) {
            assertThat(jedis.hkeys(keys.tokens()))
                    .containsExactlyInAnyOrderElementsOf(messages.stream().map(Message::id).toList());
        }
    }
}
