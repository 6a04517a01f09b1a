package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HoldTableTest {

    private final HoldTable table = new HoldTable();

    /** Equal to every other Twin, as pooled objects with their own equals may be. */
    private static final class Twin {
        @Override
        public boolean equals(Object other) {
            return other instanceof Twin;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private Map<Object, Long> held() {
        Map<Object, Long> held = new IdentityHashMap<>();
        table.forEach((object, since, site) -> held.put(object, since));
        return held;
    }

    @Test
    void removeFindsAnObjectAdded() {
        Object connection = new Object();
        table.add(connection, 1_000, null);

        assertThat(table.remove(connection)).isTrue();
    }

    @Test
    void anObjectNeverAddedIsNotHeld() {
        assertThat(table.remove(new Object())).isFalse();
    }

    @Test
    void anObjectIsHeldOnlyUntilItIsRemoved() {
        Object connection = new Object();
        table.add(connection, 1_000, null);
        table.remove(connection);

        assertThat(table.remove(connection)).isFalse();
        assertThat(held()).isEmpty();
    }

    @Test
    void equalObjectsAreHeldApartByIdentity() {
        Twin first = new Twin();
        Twin second = new Twin();
        table.add(first, 1_000, null);
        table.add(second, 2_000, null);

        assertThat(table.remove(second)).isTrue();
        assertThat(held()).containsOnly(Map.entry(first, 1_000L));
        assertThat(table.remove(first)).isTrue();
        assertThat(held()).isEmpty();
    }

    @Test
    void forEachShowsEveryObjectHeldWithItsBorrowTime() {
        Object first = new Object();
        Object second = new Object();
        table.add(first, 1_000, null);
        table.add(second, 2_000, null);

        assertThat(held()).containsOnly(Map.entry(first, 1_000L), Map.entry(second, 2_000L));
    }

    @Test
    void forEachShowsTheBorrowSiteStoredWithTheObject() {
        BorrowSite site = BorrowSite.capture();
        table.add(new Object(), 1_000, site);
        List<BorrowSite> sites = new ArrayList<>();

        table.forEach((object, since, borrowSite) -> sites.add(borrowSite));

        assertThat(sites).containsExactly(site);
    }

    @Test
    void thousandsOfObjectsHeldAtOnceOutgrowTheFirstSegmentAndAreAllFound() {
        List<Object> objects = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Object object = new Object();
            objects.add(object);
            table.add(object, i, null);
        }

        Map<Object, Long> held = held();
        assertThat(held).hasSize(5_000);
        for (int i = 0; i < objects.size(); i++) {
            assertThat(held.get(objects.get(i))).isEqualTo(i);
            assertThat(table.remove(objects.get(i))).isTrue();
        }
        assertThat(held()).isEmpty();
    }

    @Test
    void slotsFreedInOlderSegmentsAreNotNeededForNewObjects() {
        List<Object> early = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            Object object = new Object();
            early.add(object);
            table.add(object, 0, null);
        }
        Object late = new Object();
        table.add(late, 500, null);

        early.forEach(table::remove);

        assertThat(held()).containsOnly(Map.entry(late, 500L));
        assertThat(table.remove(late)).isTrue();
    }

    @Test
    void concurrentBorrowersLoseNoObjectAndFindEachOneTheyAdded() throws Exception {
        int threads = 8;
        int rounds = 200;
        int heldAtOnce = 50; // 400 at once across threads: the table must grow while others add and remove
        AtomicLong notFound = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<Object> mine = new ArrayList<>();
                        for (int i = 0; i < heldAtOnce; i++) {
                            Object object = new Object();
                            mine.add(object);
                            table.add(object, round, null);
                        }
                        for (Object object : mine) {
                            if (!table.remove(object)) {
                                notFound.incrementAndGet();
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(notFound).hasValue(0);
        assertThat(held()).isEmpty();
    }
}
