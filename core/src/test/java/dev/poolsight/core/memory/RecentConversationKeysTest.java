package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecentConversationKeysTest {

    private final RecentConversationKeys keys = new RecentConversationKeys("memory");

    @Test
    void theSameConversationGetsTheSameKeysAgain() {
        ConversationKeys first = keys.of("c-1");

        assertThat(keys.of(new String("c-1".toCharArray()))).isSameAs(first);
    }

    @Test
    void anotherConversationGetsItsOwnKeys() {
        keys.of("c-1");

        assertThat(keys.of("c-2").meta()).isEqualTo("memory:{c-2}:meta");
    }

    @Test
    void anotherConversationReplacesTheRecentKeys() {
        ConversationKeys first = keys.of("c-1");
        keys.of("c-2");

        assertThat(keys.of("c-1")).isNotSameAs(first).satisfies(again -> assertThat(again.meta()).isEqualTo(first.meta()));
    }

    @Test
    void theEncodedKeysAreTheStringKeysInUtf8() {
        ConversationKeys conversation = keys.of("c-1");

        assertThat(conversation.allEncoded()).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .containsExactlyElementsOf(conversation.all());
        assertThat(conversation.countKeysEncoded()).map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .containsExactly(conversation.meta(), conversation.tokens(), conversation.messages());
    }

    @Test
    void anInvalidIdIsRejectedEveryTime() {
        keys.of("c-1");

        assertThatThrownBy(() -> keys.of("c{1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conversation id \"c{1}\"");
        assertThatThrownBy(() -> keys.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
