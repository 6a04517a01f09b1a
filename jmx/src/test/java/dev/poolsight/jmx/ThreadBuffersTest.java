package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadBuffersTest {

    private final List<Long> values = new ArrayList<>();
    private final long[] kinds = new long[4];
    private final ThreadBuffers buffers = new ThreadBuffers((kind, value) -> {
        kinds[kind]++;
        values.add(value);
    });

    @Test
    void aDrainHandsOverValuesInTheOrderTheThreadRecordedThem() {
        buffers.record(2, 30);
        buffers.record(0, 10);
        buffers.record(3, 20);

        buffers.drainThen(() -> null);

        assertThat(values).containsExactly(30L, 10L, 20L);
        assertThat(kinds).containsExactly(1, 0, 1, 1);
    }

    @Test
    void aValueIsHandedOverOnce() {
        buffers.record(1, 5);
        buffers.drainThen(() -> null);
        buffers.drainThen(() -> null);

        assertThat(values).containsExactly(5L);
    }

    @Test
    void negativeValuesBecomeZeroAndHugeOnesTheLargestKept() {
        buffers.record(0, -7);
        buffers.record(0, Long.MAX_VALUE);

        buffers.drainThen(() -> null);

        assertThat(values).containsExactly(0L, ThreadBuffers.MAX_VALUE);
    }

    @Test
    void aFullRingIsDrainedByItsOwnThreadAndNothingIsLost() {
        int recorded = ThreadBuffers.RING_SIZE * 3 + 17;
        for (int i = 0; i < recorded; i++) {
            buffers.record(0, i);
        }
        // Three full rings went to the consumer while recording, without a reader.
        assertThat(values).hasSize(ThreadBuffers.RING_SIZE * 3);

        buffers.drainThen(() -> null);

        assertThat(values).hasSize(recorded);
        assertThat(values.get(recorded - 1)).isEqualTo(recorded - 1);
    }

    @Test
    void everyValueOfManyConcurrentThreadsArrivesWhileReadersDrain() throws InterruptedException {
        int threads = 8;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread writer = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < perThread; i++) {
                    buffers.record(1, 1);
                }
            });
            writers.add(writer);
            writer.start();
        }
        start.countDown();
        while (writers.stream().anyMatch(Thread::isAlive)) {
            buffers.drainThen(() -> null);
        }
        for (Thread writer : writers) {
            writer.join();
        }

        long total = buffers.drainThen(() -> kinds[1]);

        assertThat(total).isEqualTo((long) threads * perThread);
    }

    @Test
    void theRingOfAThreadThatEndedIsDrainedOnceMoreAndLetGo() throws InterruptedException {
        Thread shortLived = new Thread(() -> buffers.record(0, 42));
        shortLived.start();
        shortLived.join();
        assertThat(buffers.ringCount()).isEqualTo(1);

        buffers.drainThen(() -> null);

        assertThat(values).containsExactly(42L);
        assertThat(buffers.ringCount()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
