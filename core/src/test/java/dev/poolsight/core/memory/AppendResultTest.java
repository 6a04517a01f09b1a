package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppendResultTest {

    private final Message first = new Message("m-1", Role.USER, "first", Instant.ofEpochMilli(1_000), Map.of(), false);
    private final Message second = new Message("m-2", Role.TOOL, "second \"quoted\"", Instant.ofEpochMilli(2_000),
            Map.of("call", "7"), true);

    private List<Message> storedForm() {
        return new MessagesDecodedOnRead(List.of(MessageCodec.encode(first), MessageCodec.encode(second)));
    }

    @Test
    void trimmedMessagesReadFromTheirStoredFormAreTheMessagesWritten() {
        AppendResult result = new AppendResult(2, 10, storedForm());

        assertThat(result.trimmed()).containsExactly(first, second);
        assertThat(result.trimmed().get(1)).isSameAs(result.trimmed().get(1));
    }

    @Test
    void resultsAreEqualWhetherTheirTrimmedMessagesWereDecodedAtOnceOrOnRead() {
        AppendResult onRead = new AppendResult(2, 10, storedForm());
        AppendResult atOnce = new AppendResult(2, 10, List.of(first, second));

        assertThat(onRead).isEqualTo(atOnce).hasSameHashCodeAs(atOnce);
        assertThat(atOnce).isEqualTo(onRead);
        assertThat(onRead).hasToString(atOnce.toString());
        assertThat(new AppendResult(2, 10, storedForm())).isNotEqualTo(new AppendResult(2, 10, List.of(first)));
    }

    @Test
    void theTrimmedMessagesCannotBeChanged() {
        List<Message> trimmed = new AppendResult(2, 10, storedForm()).trimmed();

        assertThatThrownBy(() -> trimmed.add(first)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trimmed.set(0, second)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trimmed.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> trimmed.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aListPassedInIsCopied() {
        List<Message> given = new ArrayList<>(List.of(first));
        AppendResult result = new AppendResult(1, 1, given);

        given.add(second);

        assertThat(result.trimmed()).containsExactly(first);
    }
}
