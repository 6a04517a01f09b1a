package dev.poolsight.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.PoolRecorder;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages are Commons Pool's own, as 2.11.1 to 2.13.1 write them. */
class BorrowFailuresTest {

    private static final long TWENTY_MILLIS = Duration.ofMillis(20).toNanos();

    @ParameterizedTest
    @ValueSource(strings = {
        "Timeout waiting for idle object, borrowMaxWaitDuration=PT0.02S",
        "Timeout waiting for idle object, maxWaitDuration=PT0.02S",
        "Timeout waiting for idle object, borrowMaxWaitMillis=20"})
    void aTimedOutBorrowWaitedTheTimeoutItsMessageNames(String message) {
        NoSuchElementException timeout = new NoSuchElementException(message);

        assertThat(BorrowFailures.isExhaustion(timeout)).isTrue();
        assertThat(BorrowFailures.exhaustionWaitNanos(timeout)).isEqualTo(TWENTY_MILLIS);
    }

    @Test
    void aCallerThatMayNotBlockWaitedNothing() {
        NoSuchElementException exhausted = new NoSuchElementException("Pool exhausted");

        assertThat(BorrowFailures.isExhaustion(exhausted)).isTrue();
        assertThat(BorrowFailures.exhaustionWaitNanos(exhausted)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Timeout waiting for idle object", "Timeout waiting for idle object, wait=soon"})
    void aTimeoutWithoutAReadableWaitIsCountedWithoutOne(String message) {
        NoSuchElementException timeout = new NoSuchElementException(message);

        assertThat(BorrowFailures.isExhaustion(timeout)).isTrue();
        assertThat(BorrowFailures.exhaustionWaitNanos(timeout)).isEqualTo(PoolRecorder.UNKNOWN_WAIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unable to validate object", "Unable to activate object"})
    void badConnectionsAreNotExhaustion(String message) {
        assertThat(BorrowFailures.isExhaustion(new NoSuchElementException(message))).isFalse();
        assertThat(BorrowFailures.isExhaustion(new IllegalStateException("Pool not open"))).isFalse();
    }
}
