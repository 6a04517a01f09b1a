package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.junit.jupiter.api.Test;

class LatencySnapshotTest {

    @Test
    void theFiguresAreHdrHistogramsOwn() {
        Random random = new Random(42);
        for (int trial = 0; trial < 100; trial++) {
            Histogram micros = trial % 2 == 0 ? new PackedHistogram(1, 3_600_000_000L, 3) : new Histogram(1, 3_600_000_000L, 3);
            int values = 1 + random.nextInt(trial % 10 == 0 ? 5 : 3_000);
            for (int i = 0; i < values; i++) {
                micros.recordValue((long) Math.exp(random.nextDouble() * 17)); // 1 us to 24 s, spread over magnitudes
            }

            LatencySnapshot snapshot = LatencySnapshot.ofMicros(micros);

            assertThat(snapshot.count()).isEqualTo(micros.getTotalCount());
            assertThat(snapshot.meanMillis()).isCloseTo(micros.getMean() / 1_000, within(1e-9 * micros.getMean()));
            assertThat(snapshot.p50Millis()).isEqualTo(micros.getValueAtPercentile(50) / 1_000.0);
            assertThat(snapshot.p95Millis()).isEqualTo(micros.getValueAtPercentile(95) / 1_000.0);
            assertThat(snapshot.p99Millis()).isEqualTo(micros.getValueAtPercentile(99) / 1_000.0);
            assertThat(snapshot.maxMillis()).isEqualTo(micros.getMaxValue() / 1_000.0);
        }
    }

    @Test
    void anEmptyHistogramIsTheEmptySnapshot() {
        assertThat(LatencySnapshot.ofMicros(new Histogram(3))).isEqualTo(LatencySnapshot.EMPTY);
    }
}
