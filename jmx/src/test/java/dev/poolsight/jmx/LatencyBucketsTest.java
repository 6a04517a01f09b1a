package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyBucketsTest {

    private static final long MICRO = 1_000;
    private static final long MILLI = 1_000_000;

    private final LatencyBuckets.Counter counter = new LatencyBuckets.Counter();

    @Test
    void theBoundsRunFrom100MicrosecondsTo60SecondsThenInfinity() {
        List<Double> bounds = bounds();

        assertThat(bounds.get(0)).isEqualTo(0.0001);
        assertThat(bounds.get(bounds.size() - 2)).isEqualTo(60.0);
        assertThat(bounds.get(bounds.size() - 1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(bounds).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void tenMillisecondsTheWaitTargetIsABound() {
        assertThat(bounds()).contains(0.010);
    }

    @Test
    void aValueOnABoundCountsInThatBucketAsPrometheusLeDoes() {
        counter.record(10 * MILLI);
        counter.record(10 * MILLI + 1);

        LatencyBuckets buckets = counter.snapshot();
        int tenMillis = bounds().indexOf(0.010);

        assertThat(buckets.count(tenMillis)).isEqualTo(1);
        assertThat(buckets.count(tenMillis + 1)).isEqualTo(1);
    }

    @Test
    void valuesBeyondTheLastBoundCountInTheUnboundedBucket() {
        counter.record(61_000 * MILLI);

        assertThat(counter.snapshot().count(LatencyBuckets.bucketCount() - 1)).isEqualTo(1);
    }

    @Test
    void negativeValuesCountAsZeroInTheFirstBucket() {
        counter.record(-5);

        LatencyBuckets buckets = counter.snapshot();
        assertThat(buckets.count(0)).isEqualTo(1);
        assertThat(buckets.sumSeconds()).isZero();
    }

    @Test
    void countAndSumCoverEveryValue() {
        counter.record(50 * MICRO);
        counter.record(3 * MILLI);
        counter.record(2_000 * MILLI);

        LatencyBuckets buckets = counter.snapshot();

        assertThat(buckets.totalCount()).isEqualTo(3);
        assertThat(buckets.sumSeconds()).isCloseTo(2.00305, within(1e-9));
    }

    @Test
    void aSnapshotDoesNotChangeWhenMoreIsCounted() {
        counter.record(MILLI);
        LatencyBuckets before = counter.snapshot();

        counter.record(MILLI);

        assertThat(before.totalCount()).isEqualTo(1);
        assertThat(counter.snapshot().totalCount()).isEqualTo(2);
    }

    private static List<Double> bounds() {
        List<Double> bounds = new ArrayList<>();
        for (int i = 0; i < LatencyBuckets.bucketCount(); i++) {
            bounds.add(LatencyBuckets.upperBoundSeconds(i));
        }
        return bounds;
    }
}
