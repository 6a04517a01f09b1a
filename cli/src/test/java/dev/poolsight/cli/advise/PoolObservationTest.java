package dev.poolsight.cli.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSnapshot;
import dev.poolsight.cli.source.RedisCommandsSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolObservationTest {

    private static final long SECOND = 1_000_000_000L;

    private static PoolReading reading(long second, int active, int idle, int waiters, long borrows, long exhausted,
            double waitP99) {
        PoolSnapshot pool = new PoolSnapshot("pool", 10, 5, active, idle, waiters, borrows, exhausted, 0, 0.1, waitP99,
                waitP99, 1.0, 2.0, 60);
        return new PoolReading(second * SECOND, List.of(pool), List.of(), List.of());
    }

    /** The pools of {@code reading}, read at {@code nanoTime} instead. */
    private static PoolReading at(long nanoTime, PoolReading reading) {
        return new PoolReading(nanoTime, reading.pools(), List.of(), List.of());
    }

    @Test
    void countsAreTheDifferenceBetweenTheFirstAndLastReadings() {
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 100, 1, 0), reading(1, 4, 1, 0, 400, 1, 0),
                reading(2, 6, 0, 2, 1_000, 5, 0), reading(3, 0, 5, 0, 1_200, 5, 0))).orElseThrow();

        assertThat(o.seconds()).isEqualTo(3.0);
        assertThat(o.borrows()).isEqualTo(1_100);
        assertThat(o.exhaustions()).isEqualTo(4);
        assertThat(o.peakBorrowsPerSecond()).isEqualTo(600.0);
    }

    @Test
    void aReadingMomentsAfterTheOneBeforeDoesNotMakeAPeakRate() {
        // the last reading, taken as a run stops, 20 ms after the last periodic one: its 300 borrows would be 15,000/s
        PoolReading stop = at(3 * SECOND + 20_000_000L, reading(0, 0, 5, 0, 1_500, 0, 0));
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0),
                reading(1, 4, 1, 0, 400, 0, 0), reading(2, 6, 0, 2, 1_000, 0, 0), reading(3, 0, 5, 0, 1_200, 0, 0),
                stop)).orElseThrow();

        assertThat(o.borrows()).isEqualTo(1_500);
        assertThat(o.peakBorrowsPerSecond()).isEqualTo(600.0);
    }

    @Test
    void readingsCloserThanHalfASecondAreMeasuredTogether() {
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0),
                at(SECOND / 4, reading(0, 1, 0, 0, 100, 0, 0)), at(SECOND / 2, reading(0, 1, 0, 0, 150, 0, 0))))
                .orElseThrow();

        assertThat(o.peakBorrowsPerSecond()).isEqualTo(300.0);
    }

    @Test
    void twoReadingsCloserThanHalfASecondStillGiveTheirRate() {
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0),
                at(SECOND / 10, reading(0, 1, 0, 0, 20, 0, 0)))).orElseThrow();

        assertThat(o.peakBorrowsPerSecond()).isEqualTo(200.0);
    }

    @Test
    void gaugesComeFromTheReadingsInsideTheWindow() {
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0), reading(1, 4, 1, 0, 10, 0, 3),
                reading(2, 6, 0, 2, 20, 0, 12), reading(3, 0, 5, 0, 30, 0, 1))).orElseThrow();

        assertThat(o.meanActive()).isEqualTo(5.0);
        assertThat(o.meanIdle()).isEqualTo(0.5);
        assertThat(o.peakInUse()).isEqualTo(8);
        assertThat(o.waitP99Millis()).isEqualTo(12.0);
    }

    @Test
    void commandsAreThoseSentInTheWindowSlowestFirstWithTheWorstPercentilesInside() {
        List<PoolReading> readings = List.of(commands(0, 100, 0.3, 0, 0), commands(1, 300, 0.5, 0, 0),
                commands(2, 500, 0.4, 10, 120.0), commands(3, 600, 0.2, 10, 80.0));

        List<CommandLatency> commands = PoolObservation.of("pool", readings).orElseThrow().commands();

        assertThat(commands).containsExactly(new CommandLatency("EVAL", 10, 60.0, 120.0),
                new CommandLatency("GET", 500, 0.25, 0.5));
    }

    @Test
    void withoutCommandTimingThereAreNoCommands() {
        PoolObservation o = PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0), reading(1, 4, 1, 0, 10, 0, 3)))
                .orElseThrow();

        assertThat(o.commands()).isEmpty();
    }

    /** A reading whose pool sent {@code gets} GETs and {@code evals} EVALs so far, with these p99s and p50s of half. */
    private static PoolReading commands(long second, long gets, double getP99, long evals, double evalP99) {
        PoolSnapshot pool = new PoolSnapshot("pool", 10, 5, 1, 1, 0, gets, 0, 0, 0.1, 0.1, 0.1, 1.0, 2.0, 60);
        List<RedisCommandsSnapshot.Command> rows = new ArrayList<>();
        rows.add(new RedisCommandsSnapshot.Command("GET", gets, getP99 / 2, getP99));
        if (evals > 0) {
            rows.add(new RedisCommandsSnapshot.Command("EVAL", evals, evalP99 / 2, evalP99));
        }
        return new PoolReading(second * SECOND, List.of(pool), List.of(new RedisCommandsSnapshot("pool", rows)),
                List.of());
    }

    @Test
    void aPoolSeenOnceIsNotObserved() {
        assertThat(PoolObservation.of("pool", List.of(reading(0, 0, 0, 0, 0, 0, 0)))).isEmpty();
    }
}
