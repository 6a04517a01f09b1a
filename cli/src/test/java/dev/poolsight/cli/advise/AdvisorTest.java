package dev.poolsight.cli.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tuning rules on observations written out by hand, each the shape of a pool the seed guide talks about. */
class AdvisorTest {

    private final Advisor advisor = new Advisor();

    /** A pool that some borrows found exhausted; 4 in use and 28 callers waiting at one moment. */
    private static PoolObservation undersized() {
        return undersized(List.of());
    }

    private static PoolObservation undersized(List<CommandLatency> commands) {
        return new PoolObservation("pool", 10, 4, 4, 40_000, 1_200, 0, 5_000, 4, 28, 32, 3.9, 0.1, 20.4, 21.0, 0.8, 3.0,
                commands);
    }

    /** 100 connections allowed, 50 kept idle, at most 2 ever in use. */
    private static PoolObservation oversized() {
        return new PoolObservation("pool", 60, 100, 50, 3_000, 0, 0, 80, 2, 0, 2, 0.1, 2.0, 0.2, 0.9, 1.0, 3.0,
                List.of());
    }

    @Test
    void exhaustionMakesThePoolLargerForThePeakDemandWithHeadroom() {
        Recommendation size = recommendation(advisor.advise(undersized(), Optional.empty()), "REDIS_POOL_SIZE");

        assertThat(size.keep()).isFalse();
        assertThat(size.current()).isEqualTo("4");
        assertThat(size.value()).isEqualTo("46");
        assertThat(size.reason()).contains("1,200 borrows exhausted the pool (ExhaustionCount)", "4 in use + 28 waiting",
                "Little's law");
    }

    @Test
    void longWaitsWithFastCommandsMakeThePoolLargerAndSayTheApplicationHoldsTheConnections() {
        Advice advice = advisor.advise(undersized(List.of(new CommandLatency("GET", 40_000, 0.2, 0.4))),
                Optional.empty());

        Recommendation size = recommendation(advice, "REDIS_POOL_SIZE");
        assertThat(size.keep()).isFalse();
        assertThat(size.value()).isEqualTo("46");
        assertThat(size.reason()).contains("commands are fast (slowest GET p50 0.20 ms, p99 0.40 ms)",
                "the pool is too small");
        assertThat(advice.diagnosis()).contains("40,000 Redis commands, slowest GET p50 0.20 ms, p99 0.40 ms");
    }

    /** A client short of CPU: its threads wait to run, which a few commands' times show, but not the median's. */
    @Test
    void aSlowTailOfCommandsWithAFastMedianStillMakesThePoolLarger() {
        Advice advice = advisor.advise(undersized(List.of(new CommandLatency("LRANGE", 9_000, 0.5, 25.0))),
                Optional.empty());

        Recommendation size = recommendation(advice, "REDIS_POOL_SIZE");
        assertThat(size.keep()).isFalse();
        assertThat(size.reason()).contains("commands are fast (slowest LRANGE p50 0.50 ms, p99 25.0 ms)");
    }

    @Test
    void longWaitsWithASlowCommandKeepThePoolSizeAndSayThePoolIsNotTheProblem() {
        Advice advice = advisor.advise(undersized(List.of(new CommandLatency("EVALSHA", 2_000, 150.0, 180.0),
                new CommandLatency("GET", 38_000, 0.2, 0.4))), Optional.empty());

        Recommendation size = recommendation(advice, "REDIS_POOL_SIZE");
        assertThat(size.keep()).isTrue();
        assertThat(size.value()).isEqualTo("4");
        assertThat(size.reason()).startsWith("the pool is not the problem, Redis is: EVALSHA p50 150 ms, p99 180 ms")
                .contains("1,200 borrows exhausted the pool");
        assertThat(advice.diagnosis()).contains("slow: EVALSHA p50 150 ms, p99 180 ms");
    }

    @Test
    void aTimeoutThatBorrowsRanIntoIsRaisedToTenTimesTheTailAtLeastASecond() {
        Recommendation timeout = recommendation(advisor.advise(undersized(), Optional.of(Duration.ofMillis(20))),
                "REDIS_POOL_TIMEOUT");

        assertThat(timeout.value()).isEqualTo("1s");
        assertThat(timeout.reason()).contains("gave up after the full 20ms");
    }

    @Test
    void aMostlyIdlePoolBecomesSmallerWithFewerIdleConnections() {
        Advice advice = advisor.advise(oversized(), Optional.of(Duration.ofSeconds(30)));

        Recommendation size = recommendation(advice, "REDIS_POOL_SIZE");
        assertThat(size.value()).isEqualTo("3");
        assertThat(size.reason()).startsWith("smaller: at most 2 % in use at peak");
        Recommendation idle = recommendation(advice, "REDIS_MAX_IDLE_CONNS");
        assertThat(idle.value()).isEqualTo("2");
        assertThat(idle.reason()).startsWith("fewer idle connections: 50 % of REDIS_POOL_SIZE=3");
    }

    @Test
    void aPoolWithinTheTargetBandIsKept() {
        PoolObservation rightSized = new PoolObservation("pool", 60, 20, 10, 60_000, 0, 0, 1_500, 14, 0, 14, 9.0, 3.0,
                0.5, 2.0, 9.0, 20.0, List.of());

        Advice advice = advisor.advise(rightSized, Optional.of(Duration.ofSeconds(30)));

        assertThat(advice.recommendations()).allSatisfy(r -> assertThat(r.keep()).as(r.toString()).isTrue());
        assertThat(advice.recommendations()).extracting(Recommendation::exportLine).containsExactly(
                "export REDIS_POOL_SIZE=20", "export REDIS_MAX_IDLE_CONNS=10", "export REDIS_POOL_TIMEOUT=30s");
    }

    @Test
    void aKeptPoolShowsWhatWasInUseNotADemandAboveItsSize() {
        // 26,000 borrows/s at the peak x 0.85 ms is 22 connections by Little's law, yet 16 sufficed: no waiting
        PoolObservation busy = new PoolObservation("pool", 15, 16, 16, 270_000, 0, 0, 26_000, 16, 0, 16, 14.3, 1.9,
                2.4, 89.0, 0.85, 8.5, List.of());

        Recommendation size = recommendation(advisor.advise(busy, Optional.empty()), "REDIS_POOL_SIZE");

        assertThat(size.keep()).isTrue();
        assertThat(size.reason()).startsWith("16 of 16 (100 %) in use at peak, no exhaustion").doesNotContain("138 %");
    }

    @Test
    void slowWaitsInAPoolThatNeverFilledUpDoNotMakeItLarger() {
        PoolObservation opening = new PoolObservation("pool", 5, 100, 50, 5_000, 0, 0, 2_000, 17, 0, 17, 10, 4, 10.8,
                40, 11.0, 99, List.of());

        Recommendation size = recommendation(advisor.advise(opening, Optional.empty()), "REDIS_POOL_SIZE");

        assertThat(Integer.parseInt(size.value())).isLessThan(100);
        assertThat(size.reason()).contains("never filled up");
    }

    @Test
    void withoutTheCurrentTimeoutTheTimeoutIsRecommendedButNotKept() {
        Recommendation timeout = recommendation(advisor.advise(oversized(), Optional.empty()), "REDIS_POOL_TIMEOUT");

        assertThat(timeout.current()).isEqualTo("?");
        assertThat(timeout.keep()).isFalse();
        assertThat(timeout.value()).isEqualTo("1s");
        assertThat(timeout.reason()).contains("--pool-timeout");
    }

    @Test
    void withoutBorrowsEverySettingIsKept() {
        PoolObservation quiet = new PoolObservation("pool", 60, 100, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

        Advice advice = advisor.advise(quiet, Optional.empty());

        assertThat(advice.recommendations()).allSatisfy(r -> {
            assertThat(r.keep()).isTrue();
            assertThat(r.reason()).startsWith("no borrows");
        });
    }

    private static Recommendation recommendation(Advice advice, String variable) {
        return advice.recommendations().stream().filter(r -> r.variable().equals(variable)).findFirst().orElseThrow();
    }
}
