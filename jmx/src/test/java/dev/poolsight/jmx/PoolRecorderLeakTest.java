package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolRecorderLeakTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRecorder detecting = new PoolRecorder("redis", new FakeGauges(),
            new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);

    /** A pooled object whose toString must never be called by the recorder. */
    private static final class Touchy {
        @Override
        public String toString() {
            throw new AssertionError("toString called");
        }
    }

    @Test
    void anObjectHeldLongerThanTheThresholdIsASuspectWithItsBorrower() {
        Object connection = new Object();
        detecting.borrowSucceeded(connection, 0);
        clock.advance(Duration.ofSeconds(31));

        List<LeakSuspect> suspects = detecting.leakSuspects();

        assertThat(suspects).hasSize(1);
        LeakSuspect suspect = suspects.get(0);
        assertThat(suspect.heldFor()).isEqualTo(Duration.ofSeconds(31));
        assertThat(suspect.threadName()).isEqualTo(Thread.currentThread().getName());
        assertThat(suspect.object())
                .isEqualTo("java.lang.Object@" + Integer.toHexString(System.identityHashCode(connection)));
    }

    @Test
    void theStackTraceStartsAtTheCallerOfTheRecorder() {
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(31));

        String stackTrace = detecting.leakSuspects().get(0).stackTrace();

        assertThat(stackTrace).startsWith("at " + PoolRecorderLeakTest.class.getName()
                + ".theStackTraceStartsAtTheCallerOfTheRecorder(");
        assertThat(stackTrace).doesNotContain(PoolRecorder.class.getName() + ".", BorrowSite.class.getName());
    }

    @Test
    void anObjectHeldExactlyTheThresholdIsNotYetASuspect() {
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(30));

        assertThat(detecting.leakSuspects()).isEmpty();
        assertThat(detecting.leakSuspectCount()).isZero();
    }

    @Test
    void aReturnedObjectIsNoLongerASuspect() {
        Object connection = new Object();
        detecting.borrowSucceeded(connection, 0);
        clock.advance(Duration.ofSeconds(31));

        detecting.returned(connection);

        assertThat(detecting.leakSuspects()).isEmpty();
    }

    @Test
    void suspectsAreListedLongestHeldFirst() {
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(10));
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(10));
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(40));

        assertThat(detecting.leakSuspects()).extracting(LeakSuspect::heldFor)
                .containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(50), Duration.ofSeconds(40));
    }

    @Test
    void theSuspectCountIsTheNumberOfSuspects() {
        detecting.borrowSucceeded(new Object(), 0);
        detecting.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(31));
        detecting.borrowSucceeded(new Object(), 0);

        assertThat(detecting.leakSuspectCount()).isEqualTo(2);
        assertThat(detecting.stats().leakSuspectCount()).isEqualTo(2);
    }

    @Test
    void aSuspectIsDescribedWithoutCallingItsToString() {
        detecting.borrowSucceeded(new Touchy(), 0);
        clock.advance(Duration.ofSeconds(31));

        assertThat(detecting.leakSuspects().get(0).object()).startsWith(Touchy.class.getName() + "@");
    }

    @Test
    void withoutLeakDetectionNoObjectIsTrackedAndNoStackTraceTaken() {
        PoolRecorder plain = new PoolRecorder("redis", new FakeGauges(), RecorderSettings.defaults(), clock);
        plain.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofHours(2));
        List<BorrowSite> sites = new ArrayList<>();

        plain.holds().forEach((object, since, site) -> sites.add(site));

        assertThat(sites).isEmpty();
        assertThat(plain.leakSuspects()).isEmpty();
        assertThat(plain.leakSuspectCount()).isZero();
        assertThat(plain.leakThreshold()).isEqualTo(Duration.ZERO);
    }
}
