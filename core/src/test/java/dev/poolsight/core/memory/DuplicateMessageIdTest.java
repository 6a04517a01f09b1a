package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ids are unique within a conversation: an id it holds is refused, atomically, and the counts never drift. */
class DuplicateMessageIdTest {

    private MemoryFixture fixture;

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private RedisConversationMemory store(int maxMessages) {
        fixture = new MemoryFixture(settings -> settings, options -> options.maxMessages(maxMessages));
        return fixture.memory;
    }

    @Test
    void anIdAppendedTwiceIsRefusedAndTheTokenCountStaysTheSumOfWhatIsHeld() {
        RedisConversationMemory memory = store(1);
        Message x = Message.user("a message of forty characters, or so...").withId("X");
        memory.append("c1", x);

        assertThatThrownBy(() -> memory.append("c1", x))
                .isInstanceOf(DuplicateMessageIdException.class)
                .hasMessage("messages[0] has id \"X\", which conversation \"c1\" holds already; accepted: an id the"
                        + " conversation does not hold (Message.of gives a random one); nothing of this append was stored");
        memory.append("c1", Message.user("z"));

        assertThat(memory.readAll("c1")).extracting(Message::content).containsExactly("z");
        assertThat(memory.tokenCount("c1")).isEqualTo(1);
        assertThat(memory.messageCount("c1")).isEqualTo(1);
    }

    @Test
    void anAppendWithOneTakenIdStoresNoneOfItsMessages() {
        RedisConversationMemory memory = store(0);
        memory.append("c1", Message.user("first").withId("A"));

        assertThatThrownBy(() -> memory.append("c1", List.of(Message.user("new"), Message.user("again").withId("A"))))
                .isInstanceOf(DuplicateMessageIdException.class)
                .hasMessageStartingWith("messages[1] has id \"A\"")
                .satisfies(e -> assertThat(((DuplicateMessageIdException) e).messageId()).isEqualTo("A"));

        assertThat(memory.readAll("c1")).extracting(Message::content).containsExactly("first");
        assertThat(memory.messageCount("c1")).isEqualTo(1);
        assertThat(memory.tokenCount("c1")).isEqualTo(2);
    }

    @Test
    void theIdOfATrimmedMessageMayBeUsedAgain() {
        RedisConversationMemory memory = store(1);
        memory.append("c1", Message.user("one").withId("A"));
        memory.append("c1", Message.user("two").withId("B"));

        memory.append("c1", Message.user("three").withId("A"));

        assertThat(memory.readAll("c1")).extracting(Message::id).containsExactly("A");
        assertThat(memory.tokenCount("c1")).isEqualTo(2);
    }

    @Test
    void ofWritersRacingWithTheSameIdExactlyOneStoresIt() throws Exception {
        RedisConversationMemory memory = store(0);
        int writers = 8;
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Message message = Message.user("writer " + i).withId("same");
                Callable<Boolean> append = () -> {
                    start.await();
                    try {
                        memory.append("c1", message);
                        return true;
                    } catch (DuplicateMessageIdException refused) {
                        return false;
                    }
                };
                outcomes.add(executor.submit(append));
            }
            start.countDown();
            int stored = 0;
            for (Future<Boolean> outcome : outcomes) {
                stored += outcome.get() ? 1 : 0;
            }

            assertThat(stored).isEqualTo(1);
            assertThat(memory.messageCount("c1")).isEqualTo(1);
            assertThat(memory.tokenCount("c1")).isEqualTo(2);
        } finally {
            executor.shutdownNow();
        }
    }
}
