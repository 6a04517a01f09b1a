package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Writers that append to their own conversations without pause while a test kills a master, and count: each
 * message id is either acknowledged (the append returned) or uncertain (it failed, and may or may not be stored).
 */
final class FailoverWriters implements AutoCloseable {

    private final RedisConversationMemory memory;
    private final List<String> conversations;
    private final Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
    private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong acknowledgedCount = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();

    FailoverWriters(RedisConversationMemory memory, List<String> conversations, int writers) {
        this.memory = memory;
        this.conversations = conversations;
        this.threads = Executors.newFixedThreadPool(writers);
        conversations.forEach(c -> acknowledged.put(c, new CopyOnWriteArrayList<>()));
        for (int w = 0; w < writers; w++) {
            List<String> own = new ArrayList<>();
            for (int c = w; c < conversations.size(); c += writers) {
                own.add(conversations.get(c));
            }
            running.add(threads.submit(() -> write(own)));
        }
    }

    private void write(List<String> own) {
        long sequence = 0;
        while (!stop.get()) {
            for (String conversation : own) {
                String id = "m" + sequence;
                try {
                    memory.append(conversation, List.of(Message.user("message " + id).withId(id)));
                    acknowledged.get(conversation).add(id);
                    acknowledgedCount.incrementAndGet();
                } catch (RuntimeException e) {
                    uncertain.add(conversation + "/" + id);
                    failures.add(e);
                }
            }
            sequence++;
        }
    }

    long acknowledgedCount() {
        return acknowledgedCount.get();
    }

    long acknowledgedIn(String conversation) {
        return acknowledged.get(conversation).size();
    }

    /** Stops the writers and waits for their last appends. */
    void stop() throws Exception {
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Reads every conversation back: all acknowledged messages are there, in the order they were appended, and
     * every other message read is one whose append failed. Returns a summary of the counts.
     */
    String assertNoAcknowledgedAppendLost() {
        long readBack = 0;
        long acknowledgedTotal = 0;
        long uncertainStored = 0;
        for (String conversation : conversations) {
            List<String> ids = memory.readAll(conversation).stream().map(Message::id).collect(Collectors.toList());
            List<String> acked = acknowledged.get(conversation);
            assertThat(ids.stream().filter(acked::contains).collect(Collectors.toList()))
                    .as("acknowledged messages of %s, in order", conversation).isEqualTo(acked);
            List<String> others = ids.stream().filter(id -> !acked.contains(id)).collect(Collectors.toList());
            assertThat(others).as("messages of %s stored although not acknowledged", conversation)
                    .allMatch(id -> uncertain.contains(conversation + "/" + id));
            readBack += ids.size() - others.size();
            acknowledgedTotal += acked.size();
            uncertainStored += others.size();
        }
        assertThat(readBack).as("acknowledged messages read back").isEqualTo(acknowledgedTotal);
        return "acknowledged " + acknowledgedTotal + ", read back " + readBack + " of them; " + uncertain.size()
                + " appends failed during the failover, " + uncertainStored + " of which were stored nonetheless;"
                + " first failure: " + (failures.isEmpty() ? "none" : failures.get(0).getMessage());
    }

    @Override
    public void close() {
        stop.set(true);
        threads.shutdownNow();
    }
}
