package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is appended is what is read back, character for character, through Redis and its scripts. */
class ContentRoundTripTest {

    private static final String LONE_SURROGATES = "high \uD800 alone, low \uDFFF alone, ? a question, \uD83D\uDE00 a pair,"
            + " reversed \uDE00\uD83D, at the end \uDBFF";

    private final List<Message> told = new CopyOnWriteArrayList<>();
    private final MemoryFixture fixture = new MemoryFixture(settings -> settings, options -> options
            .maxMessages(2).trimListener((conversation, trimmed) -> told.addAll(trimmed)));

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void loneSurrogatesReadBackExactly() {
        Message message = Message.user(LONE_SURROGATES).withMetadata(Map.of("note", "\uDC00"));

        fixture.memory.append("c1", message);

        assertThat(fixture.memory.readAll("c1")).containsExactly(message);
        assertThat(fixture.memory.readLast("c1", 1).get(0).content()).isEqualTo(LONE_SURROGATES);
    }

    @Test
    void messagesWithLoneSurrogatesAreTrimmedWholeAndPinnedOnesKept() {
        Message pinned = Message.system("rules \uD800").pin();
        Message oldest = Message.user(LONE_SURROGATES);
        fixture.memory.append("c1", List.of(pinned, oldest));

        AppendResult result = fixture.memory.append("c1", Message.assistant("next \uDFFF"));

        assertThat(result.trimmed()).containsExactly(oldest);
        assertThat(told).containsExactly(oldest);
        assertThat(fixture.memory.readAll("c1")).extracting(Message::content)
                .containsExactly("rules \uD800", "next \uDFFF");
        assertThat(fixture.memory.messageCount("c1")).isEqualTo(2);
    }

    @Test
    void aMetadataValueThatLooksLikeThePinnedFieldDoesNotPinAMessage() {
        Message lookalike = Message.user("q").withMetadata(Map.of("pinned", "true", "x", ",\"pinned\":true"));
        fixture.memory.append("c1", lookalike);
        fixture.memory.append("c1", Message.user("2"));

        AppendResult result = fixture.memory.append("c1", Message.user("3"));

        assertThat(result.trimmed()).containsExactly(lookalike);
    }
}
