package dev.poolsight.cli.load;

import dev.poolsight.cli.load.LoadMetrics.Operation;
import dev.poolsight.core.memory.ConversationMemory;
import dev.poolsight.core.memory.Message;
import dev.poolsight.core.memory.PoolExhaustedException;
import dev.poolsight.core.memory.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * LLM agents on many conversations, one per thread: each turn appends the user's message, reads the last messages
 * (the window the model call needs), appends the assistant's reply and, one turn in eight, reads a page of older
 * history. In a closed loop every thread goes as fast as the store lets it; in an open loop operations start at a
 * fixed rate whatever the store does, and their latency counts from when they were due, so that a stalled pool
 * shows as the waiting it causes.
 */
final class SimulatedAgents {

    private static final int PAGE_EVERY_TURNS = 8;
    private static final int PAGE_SIZE = 20;
    private static final int PAGE_OFFSETS = 80;

    private final ConversationMemory store;
    private final LoadMetrics metrics;
    private final MessageSizes sizes;
    private final MessageTexts texts;
    private final int conversations;
    private final int history;
    private final boolean appendsOnly;

    SimulatedAgents(ConversationMemory store, LoadMetrics metrics, MessageSizes sizes, MessageTexts texts,
            int conversations, int history, boolean appendsOnly) {
        this.store = store;
        this.metrics = metrics;
        this.sizes = sizes;
        this.texts = texts;
        this.conversations = conversations;
        this.history = history;
        this.appendsOnly = appendsOnly;
    }

    /** Runs {@code threads} agents until {@code deadline} ({@link System#nanoTime()}), as fast as they can. */
    void closedLoop(int threads, long deadline) throws InterruptedException {
        run(threads, (index, seed) -> {
            Agent agent = new Agent(index, seed);
            while (System.nanoTime() < deadline) {
                agent.step(System.nanoTime());
            }
        });
    }

    /** Starts {@code perSecond} operations a second until {@code deadline}, on at most {@code threads} at once. */
    void openLoop(int threads, double perSecond, long start, long deadline) throws InterruptedException {
        AtomicLong tickets = new AtomicLong();
        double period = 1e9 / perSecond;
        run(threads, (index, seed) -> {
            Agent agent = new Agent(index, seed);
            while (true) {
                long due = start + (long) (tickets.getAndIncrement() * period);
                if (due >= deadline) {
                    return;
                }
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                agent.step(due);
            }
        });
    }

    private void run(int threads, AgentBody body) throws InterruptedException {
        List<Thread> agents = new ArrayList<>(threads);
        SplittableRandom seeds = new SplittableRandom();
        for (int i = 1; i <= threads; i++) {
            int index = i;
            long seed = seeds.nextLong();
            Thread agent = new Thread(() -> body.run(index, seed), "poolsight-load-agent-" + i);
            agent.setDaemon(true);
            agents.add(agent);
        }
        agents.forEach(Thread::start);
        for (Thread agent : agents) {
            agent.join();
        }
    }

    private interface AgentBody {
        void run(int index, long seed);
    }

    /** One agent's place in its turn: which conversation, and which operation comes next. */
    private final class Agent {

        private final SplittableRandom random;
        private final String idPrefix;
        private long messages;
        private String conversation;
        private int step;

        Agent(int index, long seed) {
            this.random = new SplittableRandom(seed);
            this.idPrefix = "a" + index + "-";
            nextConversation();
        }

        void step(long startedAt) {
            if (appendsOnly) {
                perform(Operation.APPEND, startedAt, () -> store.append(conversation, message(true)));
                nextConversation();
                return;
            }
            switch (step) {
                case 0 -> perform(Operation.APPEND, startedAt, () -> store.append(conversation, message(true)));
                case 1 -> perform(Operation.READ_LAST, startedAt, () -> store.readLast(conversation, history));
                case 2 -> perform(Operation.APPEND, startedAt, () -> store.append(conversation, message(false)));
                default -> perform(Operation.READ_PAGE, startedAt,
                        () -> store.readPage(conversation, random.nextInt(PAGE_OFFSETS), PAGE_SIZE));
            }
            step++;
            if (step == 3 && random.nextInt(PAGE_EVERY_TURNS) != 0 || step == 4) {
                step = 0;
                nextConversation();
            }
        }

        /**
         * Ids unique in the run, as the store requires within a conversation, without Message.of's random UUID: its
         * shared SecureRandom would become the lock every agent waits for.
         */
        private Message message(boolean fromUser) {
            String text = texts.next(random, sizes.next(random));
            return new Message(idPrefix + messages++, fromUser ? Role.USER : Role.ASSISTANT, text, Instant.now(),
                    Map.of(), false);
        }

        private void nextConversation() {
            conversation = "agent-" + random.nextInt(conversations);
        }

        private void perform(Operation operation, long startedAt, Runnable work) {
            try {
                work.run();
                metrics.succeeded(operation, System.nanoTime() - startedAt);
            } catch (PoolExhaustedException e) {
                metrics.exhausted();
            } catch (RuntimeException e) {
                metrics.failed(e);
            }
        }
    }
}
