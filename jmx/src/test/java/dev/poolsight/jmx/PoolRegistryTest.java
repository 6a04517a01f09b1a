package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PoolRegistryTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry = new PoolRegistry(RecorderSettings.defaults(), clock);
    private final FakeGauges gauges = new FakeGauges();

    /** Hears what the registry says, in order. */
    private static final class Heard implements PoolRegistry.Listener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void registered(PoolRecorder recorder) {
            events.add("+" + recorder.name());
        }

        @Override
        public void unregistered(PoolRecorder recorder) {
            events.add("-" + recorder.name());
        }
    }

    /** Equal to every other pool of its kind, as no pool should be, to show lookups go by identity. */
    private static final class EqualPool {
        @Override
        public boolean equals(Object other) {
            return other instanceof EqualPool;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Test
    void aRegisteredPoolFindsItsRecorder() {
        Object pool = new Object();

        PoolRecorder recorder = registry.register(pool, "redis", gauges);

        assertThat(registry.recorderFor(pool)).isSameAs(recorder);
        assertThat(recorder.name()).isEqualTo("redis");
    }

    @Test
    void aPoolLendsRedisConnectionsOnlyWhenRegisteredAsDoingSo() {
        PoolRecorder redis = registry.register(new Object(), "redis", gauges, true);
        PoolRecorder other = registry.register(new Object(), "other", gauges);

        assertThat(redis.lendsRedisConnections()).isTrue();
        assertThat(other.lendsRedisConnections()).isFalse();
    }

    @Test
    void anUnknownPoolHasNoRecorder() {
        registry.register(new Object(), "redis", gauges);

        assertThat(registry.recorderFor(new Object())).isNull();
        assertThat(registry.recorderFor(null)).isNull();
    }

    @Test
    void equalPoolsAreToldApartByIdentity() {
        EqualPool first = new EqualPool();
        EqualPool second = new EqualPool();

        PoolRecorder firstRecorder = registry.register(first, "first", gauges);
        PoolRecorder secondRecorder = registry.register(second, "second", gauges);

        assertThat(registry.recorderFor(first)).isSameAs(firstRecorder);
        assertThat(registry.recorderFor(second)).isSameAs(secondRecorder);
    }

    @Test
    void registeringAPoolAgainKeepsItsFirstRecorder() {
        Object pool = new Object();
        PoolRecorder first = registry.register(pool, "redis", gauges);

        PoolRecorder again = registry.register(pool, "another name", new FakeGauges());

        assertThat(again).isSameAs(first);
        assertThat(registry.recorders()).containsExactly(first);
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumberedSuffix() {
        registry.register(new Object(), "redis", gauges);

        PoolRecorder second = registry.register(new Object(), "redis", gauges);
        PoolRecorder third = registry.register(new Object(), "redis", gauges);

        assertThat(second.name()).isEqualTo("redis-2");
        assertThat(third.name()).isEqualTo("redis-3");
    }

    @Test
    void anUnregisteredPoolsNameIsFreeAgain() {
        Object pool = new Object();
        registry.register(pool, "redis", gauges);
        registry.unregister(pool);

        assertThat(registry.register(new Object(), "redis", gauges).name()).isEqualTo("redis");
    }

    @Test
    void unregisteringForgetsThePool() {
        Object pool = new Object();
        registry.register(pool, "redis", gauges);

        assertThat(registry.unregister(pool)).isTrue();

        assertThat(registry.recorderFor(pool)).isNull();
        assertThat(registry.recorders()).isEmpty();
    }

    @Test
    void unregisteringAnUnknownPoolChangesNothing() {
        PoolRecorder recorder = registry.register(new Object(), "redis", gauges);

        assertThat(registry.unregister(new Object())).isFalse();
        assertThat(registry.recorders()).containsExactly(recorder);
    }

    @Test
    void listenersHearOfRegistrationsAndUnregistrations() {
        Heard heard = new Heard();
        registry.addListener(heard);
        Object pool = new Object();

        registry.register(pool, "redis", gauges);
        registry.register(pool, "redis", gauges);
        registry.unregister(pool);

        assertThat(heard.events).containsExactly("+redis", "-redis");
    }

    @Test
    void aLateListenerHearsOfTheRecordersAlreadyRegistered() {
        registry.register(new Object(), "first", gauges);
        registry.register(new Object(), "second", gauges);
        Heard heard = new Heard();

        registry.addListener(heard);

        assertThat(heard.events).containsExactly("+first", "+second");
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        Heard heard = new Heard();
        registry.addListener(heard);
        registry.removeListener(heard);

        registry.register(new Object(), "redis", gauges);

        assertThat(heard.events).isEmpty();
    }

    @Test
    void aFailingListenerNeitherFailsTheRegistrationNorSilencesTheOthers() {
        registry.addListener(new PoolRegistry.Listener() {
            @Override
            public void registered(PoolRecorder recorder) {
                throw new IllegalStateException("MBean server gone");
            }

            @Override
            public void unregistered(PoolRecorder recorder) {
            }
        });
        Heard heard = new Heard();
        registry.addListener(heard);
        Object pool = new Object();

        PoolRecorder recorder = registry.register(pool, "redis", gauges);

        assertThat(registry.recorderFor(pool)).isSameAs(recorder);
        assertThat(heard.events).containsExactly("+redis");
        assertThat(AgentHealth.failureCounts()).containsKey("listener.registered: java.lang.IllegalStateException");
    }

    @Test
    void aCollectedPoolIsForgottenAndListenersAreTold() {
        Heard heard = new Heard();
        registry.addListener(heard);
        registerAPoolNobodyKeeps();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            System.gc();
            assertThat(registry.recorders()).isEmpty();
        });
        assertThat(heard.events).containsExactly("+short-lived", "-short-lived");
    }

    private void registerAPoolNobodyKeeps() {
        registry.register(new Object(), "short-lived", gauges);
    }

    @Test
    void manyPoolsAreAllFound() {
        List<Object> pools = new ArrayList<>();
        List<PoolRecorder> recorders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Object pool = new Object();
            pools.add(pool);
            recorders.add(registry.register(pool, "pool", gauges));
        }

        for (int i = 0; i < pools.size(); i++) {
            assertThat(registry.recorderFor(pools.get(i))).isSameAs(recorders.get(i));
        }
        assertThat(registry.recorders()).containsExactlyElementsOf(recorders);
    }

    @Test
    void configuringChangesOnlyThePoolsRegisteredAfterwards() {
        PoolRecorder before = registry.register(new Object(), "before", gauges);

        registry.configure(Duration.ofSeconds(30), Duration.ofSeconds(5));
        PoolRecorder after = registry.register(new Object(), "after", gauges);

        assertThat(before.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(before.leakThreshold()).isEqualTo(Duration.ZERO);
        assertThat(after.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(after.leakThreshold()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void advancingWindowsAgesTheValuesOfEveryRecorder() {
        PoolRecorder first = registry.register(new Object(), "first", gauges);
        PoolRecorder second = registry.register(new Object(), "second", gauges);
        first.borrowExhausted(1_000_000);
        second.borrowExhausted(1_000_000);

        registry.advanceWindows();
        clock.advance(Duration.ofSeconds(60));

        assertThat(first.waitTimeSnapshot().count()).isZero();
        assertThat(second.waitTimeSnapshot().count()).isZero();
    }

    @Test
    void aBlankNameIsRejectedWithTheValue() {
        assertThatThrownBy(() -> registry.register(new Object(), " ", gauges))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("proposedName=\" \": ");
    }
}
