package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrentAppendTest {

    private static final int WRITERS = 32;
    private static final int APPENDS_PER_WRITER = 500;
    private static final int CONVERSATIONS = 4;

    private final MemoryFixture fixture = new MemoryFixture();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void appendsFromManyWritersAreAllKeptEachWriterInItsOwnOrder() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(executor.submit(() -> {
                start.await();
                for (int seq = 0; seq < APPENDS_PER_WRITER; seq++) {
                    fixture.memory.append("c" + (seq % CONVERSATIONS), Message.user("w" + writer + "#" + seq)
                            .withMetadata(Map.of("writer", Integer.toString(writer), "seq", Integer.toString(seq))));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> writer : writers) {
            writer.get();
        }
        executor.shutdown();

        long total = 0;
        for (int c = 0; c < CONVERSATIONS; c++) {
            String conversation = "c" + c;
            List<Message> messages = fixture.memory.readAll(conversation);
            total += messages.size();
            assertThat(fixture.memory.messageCount(conversation)).isEqualTo(messages.size());
            assertThat(fixture.memory.tokenCount(conversation))
                    .isEqualTo(messages.stream().mapToLong(m -> MemoryFixture.QUARTER_LENGTH.count(m.content())).sum());
            assertEachWriterInOrder(messages, c);
        }
        assertThat(total).isEqualTo((long) WRITERS * APPENDS_PER_WRITER);
    }

    private static void assertEachWriterInOrder(List<Message> messages, int conversation) {
        Map<String, Integer> lastSeq = new HashMap<>();
        for (Message message : messages) {
            String writer = message.metadata().get("writer");
            int seq = Integer.parseInt(message.metadata().get("seq"));
            assertThat(seq % CONVERSATIONS).isEqualTo(conversation);
            Integer previous = lastSeq.put(writer, seq);
            assertThat(previous == null ? -1 : previous).as("writer %s", writer).isLessThan(seq);
        }
        assertThat(lastSeq).hasSize(WRITERS);
        lastSeq.values().forEach(last -> assertThat(last).isGreaterThanOrEqualTo(APPENDS_PER_WRITER - CONVERSATIONS));
        assertThat(messages).hasSize(WRITERS * APPENDS_PER_WRITER / CONVERSATIONS);
    }
}
