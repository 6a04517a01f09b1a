package dev.poolsight.jmx.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FoldedEventsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 7_000_000_000_123L;

    private final AtomicLong total = new AtomicLong();
    private final FoldedEvents events = new FoldedEvents(total::get, Duration.ofSeconds(10), START);

    @Test
    void nothingHappenedNothingToReport() {
        assertThat(events.take(START)).isZero();
    }

    @Test
    void theFirstEventIsReportedAtOnce() {
        total.set(1);

        assertThat(events.take(START)).isEqualTo(1);
    }

    @Test
    void eventsWithinTheIntervalWaitAndAreReportedTogether() {
        total.set(1);
        events.take(START);
        total.set(4);

        assertThat(events.take(START + 9 * SECOND)).isZero();
        assertThat(events.take(START + 10 * SECOND)).isEqualTo(3);
    }

    @Test
    void eventsBeforeTheFoldingBeganAreNotReported() {
        total.set(100);
        FoldedEvents late = new FoldedEvents(total::get, Duration.ofSeconds(10), START);
        total.set(101);

        assertThat(late.take(START)).isEqualTo(1);
    }

    @Test
    void theIntervalSurvivesTheClockWrappingAround() {
        FoldedEvents nearWrap = new FoldedEvents(total::get, Duration.ofSeconds(10), Long.MAX_VALUE - SECOND);
        total.set(1);
        nearWrap.take(Long.MAX_VALUE - SECOND);
        total.set(2);

        assertThat(nearWrap.take(Long.MAX_VALUE + 5 * SECOND)).isZero();
        assertThat(nearWrap.take(Long.MAX_VALUE + 9 * SECOND)).isEqualTo(1);
    }
}
