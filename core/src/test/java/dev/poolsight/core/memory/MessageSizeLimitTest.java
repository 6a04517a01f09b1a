package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageSizeLimitTest {

    private static final int MB = 1_000_000;

    private MemoryFixture fixture;

    @AfterEach
    void cleanUp() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private RedisConversationMemory store(int maxMessageBytes) {
        fixture = new MemoryFixture(settings -> settings, options -> options.maxMessageBytes(maxMessageBytes));
        return fixture.memory;
    }

    @Test
    void theDefaultAdmitsAMessageOfFiveMegabytes() {
        fixture = new MemoryFixture();
        String fiveMegabytes = "five megabytes of text. ".repeat(5 * MB / 24 + 1);

        fixture.memory.append("c1", Message.user(fiveMegabytes));

        assertThat(fixture.memory.readAll("c1").get(0).content()).isEqualTo(fiveMegabytes);
        assertThat(MemoryOptions.defaults().maxMessageBytes()).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void aMessageAboveTheDefaultIsRefusedWithItsSizeAndTheLimitAndNothingIsStored() {
        fixture = new MemoryFixture();
        Message tooLarge = Message.user("x".repeat(9 * MB)).withId("big");

        assertThatThrownBy(() -> fixture.memory.append("c1", tooLarge))
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessage("messages[0] (id \"big\") is more than 8388608 bytes as stored (JSON, UTF-8); accepted: at"
                        + " most 8388608 (MemoryOptions.maxMessageBytes); nothing of this append was stored");
        assertThat(fixture.memory.exists("c1")).isFalse();
    }

    @Test
    void escapesAndMultiByteCharactersCountAsStored() {
        RedisConversationMemory memory = store(1024);
        Message quotes = Message.user("\"".repeat(500)).withId("quotes");

        assertThatThrownBy(() -> memory.append("c1", quotes))
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessageStartingWith("messages[0] (id \"quotes\") is " + MessageCodec.encode(quotes).length
                        + " bytes as stored")
                .satisfies(e -> assertThat(((MessageTooLargeException) e).limit()).isEqualTo(1024));
    }

    @Test
    void oneMessageTooLargeRefusesTheWholeAppend() {
        RedisConversationMemory memory = store(1024);

        assertThatThrownBy(() -> memory.append("c1", List.of(Message.user("fits"), Message.user("\u00e9".repeat(600)))))
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessageStartingWith("messages[1]");
        assertThat(memory.exists("c1")).isFalse();
    }

    @Test
    void theLimitItselfIsChecked() {
        assertThatThrownBy(() -> MemoryOptions.builder().maxMessageBytes(100))
                .hasMessage("maxMessageBytes 100 is not valid; accepted: 1024 (1 KiB) to 536870912 (512 MiB, Redis' limit)");
    }
}
