package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The hooks the MBean layer uses: exhaustion events from a recorder, and the registry's periodic tick. */
class PoolEventsTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry = new PoolRegistry(RecorderSettings.defaults(), clock);
    private final PoolRecorder recorder = new PoolRecorder("redis", new FakeGauges(), RecorderSettings.defaults(),
            clock);
    private final List<PoolRecorder> exhausted = new CopyOnWriteArrayList<>();
    private final PoolEvents events = exhausted::add;

    @Test
    void anExhaustedBorrowIsToldAfterItIsCounted() {
        recorder.setEvents(exhaustedRecorder -> {
            assertThat(exhaustedRecorder.exhaustionCount()).isEqualTo(1);
            exhausted.add(exhaustedRecorder);
        });

        recorder.borrowExhausted(1_000);

        assertThat(exhausted).containsExactly(recorder);
    }

    @Test
    void otherOutcomesAreNotTold() {
        recorder.setEvents(events);
        Object connection = new Object();

        recorder.borrowSucceeded(connection, 1_000);
        recorder.borrowFailed(1_000);
        recorder.returned(connection);

        assertThat(exhausted).isEmpty();
    }

    @Test
    void aClearedListenerHearsNothingMore() {
        recorder.setEvents(events);

        assertThat(recorder.clearEvents(events)).isTrue();
        recorder.borrowExhausted(1_000);

        assertThat(exhausted).isEmpty();
    }

    @Test
    void clearingAListenerThatWasReplacedKeepsTheReplacement() {
        PoolEvents replacement = exhausted::add;
        recorder.setEvents(events);
        recorder.setEvents(replacement);

        assertThat(recorder.clearEvents(events)).isFalse();
        recorder.borrowExhausted(1_000);

        assertThat(exhausted).containsExactly(recorder);
    }

    @Test
    void aFailingListenerDoesNotFailTheBorrowAndIsCounted() {
        long failuresBefore = AgentHealth.failureCount();
        recorder.setEvents(exhaustedRecorder -> {
            throw new IllegalStateException("listener broke");
        });

        recorder.borrowExhausted(1_000);

        assertThat(recorder.exhaustionCount()).isEqualTo(1);
        assertThat(AgentHealth.failureCount()).isEqualTo(failuresBefore + 1);
    }

    @Test
    void advancingTheWindowsTellsEveryListenerAfterTheRecordersMoved() {
        Object pool = new Object();
        PoolRecorder registered = registry.register(pool, "redis", new FakeGauges());
        registered.borrowSucceeded(new Object(), 2_000_000);
        List<Long> seenCounts = new CopyOnWriteArrayList<>();
        registry.addListener(new PoolRegistry.Listener() {
            @Override
            public void registered(PoolRecorder recorder) {
            }

            @Override
            public void unregistered(PoolRecorder recorder) {
            }

            @Override
            public void windowsAdvanced() {
                seenCounts.add(registered.waitTimeSnapshot().count());
            }
        });

        registry.advanceWindows();

        assertThat(seenCounts).containsExactly(1L);
        assertThat(registry.recorderFor(pool)).isSameAs(registered);
    }

    @Test
    void aListenerThatFailsOnTheTickDoesNotSilenceTheOthers() {
        List<String> ticks = new CopyOnWriteArrayList<>();
        registry.addListener(new TickListener(() -> {
            throw new IllegalStateException("tick broke");
        }));
        registry.addListener(new TickListener(() -> ticks.add("second")));

        registry.advanceWindows();

        assertThat(ticks).containsExactly("second");
    }

    /** Hears only the tick. */
    private static final class TickListener implements PoolRegistry.Listener {
        private final Runnable onTick;

        TickListener(Runnable onTick) {
            this.onTick = onTick;
        }

        @Override
        public void registered(PoolRecorder recorder) {
        }

        @Override
        public void unregistered(PoolRecorder recorder) {
        }

        @Override
        public void windowsAdvanced() {
            onTick.run();
        }
    }
}
