package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlidingWindowHistogramTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeClock clock = new FakeClock();
    private final SlidingWindowHistogram histogram = new SlidingWindowHistogram(Duration.ofSeconds(60), clock);

    @Test
    void anEmptyWindowReportsZeroCountAndZeroes() {
        assertThat(histogram.snapshot()).isEqualTo(LatencySnapshot.EMPTY);
    }

    @Test
    void percentilesMatchTheRecordedValuesWithinThreeSignificantDigits() {
        for (int millis = 1; millis <= 1_000; millis++) {
            histogram.recordNanos(millis * MILLI);
        }

        LatencySnapshot snapshot = histogram.snapshot();

        assertThat(snapshot.count()).isEqualTo(1_000);
        assertThat(snapshot.meanMillis()).isCloseTo(500.5, withinPercentage(0.1));
        assertThat(snapshot.p50Millis()).isCloseTo(500, withinPercentage(0.1));
        assertThat(snapshot.p95Millis()).isCloseTo(950, withinPercentage(0.1));
        assertThat(snapshot.p99Millis()).isCloseTo(990, withinPercentage(0.1));
        assertThat(snapshot.maxMillis()).isCloseTo(1_000, withinPercentage(0.1));
    }

    @Test
    void subMillisecondValuesKeepTheirFraction() {
        histogram.recordNanos(250_000);

        assertThat(histogram.snapshot().p50Millis()).isEqualTo(0.25);
    }

    @Test
    void negativeDurationsCountAsZero() {
        histogram.recordNanos(-5 * MILLI);

        LatencySnapshot snapshot = histogram.snapshot();
        assertThat(snapshot.count()).isEqualTo(1);
        assertThat(snapshot.maxMillis()).isZero();
    }

    @Test
    void durationsBeyondAnHourCountAsAnHour() {
        histogram.recordNanos(TimeUnit.HOURS.toNanos(5));

        assertThat(histogram.snapshot().maxMillis()).isCloseTo(3_600_000, withinPercentage(0.1));
    }

    @Test
    void aValueStaysUntilItsSliceLeavesTheWindow() {
        clock.advance(Duration.ofSeconds(5));
        histogram.recordNanos(7 * MILLI);
        histogram.advance(); // into the first slice, which ends 10 s after the start

        clock.advance(Duration.ofSeconds(54)); // 59 s after the start: six slices, the first still among them
        assertThat(histogram.snapshot().count()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1)); // 60 s: a seventh slice begins and the first is dropped
        assertThat(histogram.snapshot().count()).isZero();
    }

    @Test
    void valuesOfDifferentSlicesLeaveTheWindowOneSliceAtATime() {
        histogram.recordNanos(1 * MILLI);
        histogram.advance();
        clock.advance(Duration.ofSeconds(10));
        histogram.recordNanos(2 * MILLI);
        histogram.advance();

        clock.advance(Duration.ofSeconds(50));
        LatencySnapshot onlySecond = histogram.snapshot();

        assertThat(onlySecond.count()).isEqualTo(1);
        assertThat(onlySecond.maxMillis()).isCloseTo(2, withinPercentage(0.1));
    }

    @Test
    void aLongSilenceEmptiesTheWholeWindow() {
        histogram.recordNanos(3 * MILLI);
        histogram.advance();

        clock.advance(Duration.ofHours(2));

        assertThat(histogram.snapshot()).isEqualTo(LatencySnapshot.EMPTY);
    }

    @Test
    void valuesNotYetAdvancedCountAsRecentAtTheNextRead() {
        histogram.recordNanos(4 * MILLI);

        clock.advance(Duration.ofMinutes(5)); // nobody advanced or read meanwhile: their age is unknown

        assertThat(histogram.snapshot().count()).isEqualTo(1);
    }

    @Test
    void readingTwiceDoesNotCountValuesTwice() {
        histogram.recordNanos(5 * MILLI);
        histogram.snapshot();

        assertThat(histogram.snapshot().count()).isEqualTo(1);
    }
}
