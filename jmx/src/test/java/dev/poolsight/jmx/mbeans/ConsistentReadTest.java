package dev.poolsight.jmx.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.FakeClock;
import dev.poolsight.jmx.FakeGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What one read of several attributes shows is one moment of the pool, however busy the pool is. */
class ConsistentReadTest {

    private static final int READS = 10_000;
    /** As many as the machine has cores, less one for the reader. */
    private static final int BORROWERS = Math.max(2, Runtime.getRuntime().availableProcessors() - 1);

    private final PoolRegistry registry = new PoolRegistry(RecorderSettings.defaults(), new FakeClock());
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    /** A field, so that the pool stays reachable: the registry holds it weakly. */
    private final Object pool = new Object();

    private final PoolMBeans mbeans = PoolMBeans.install(registry, () -> server, Duration.ofSeconds(10),
            System::nanoTime, Runnable::run);

    @AfterEach
    void uninstall() {
        mbeans.close();
    }

    @Test
    void aBulkReadNeverShowsMoreReturnsThanBorrows() throws Exception {
        PoolRecorder recorder = registry.register(pool, "busy", new FakeGauges());
        ObjectName name = ObjectNames.pool("busy");
        AtomicBoolean reading = new AtomicBoolean(true);
        CountDownLatch borrowing = new CountDownLatch(BORROWERS);
        List<Thread> borrowers = new ArrayList<>();
        for (int i = 0; i < BORROWERS; i++) {
            Thread borrower = new Thread(() -> {
                Object connection = new Object();
                borrowing.countDown();
                while (reading.get()) {
                    recorder.borrowSucceeded(connection, 1_000);
                    recorder.returned(connection);
                    recorder.held(5_000);
                }
            });
            borrower.start();
            borrowers.add(borrower);
        }
        borrowing.await();

        int contradictions = 0;
        long lastBorrows = 0;
        try {
            for (int i = 0; i < READS; i++) {
                AttributeList read = server.getAttributes(name, new String[] {"BorrowCount", "ReturnCount"});
                long borrows = (Long) ((Attribute) read.get(0)).getValue();
                long returns = (Long) ((Attribute) read.get(1)).getValue();
                if (returns > borrows) {
                    contradictions++;
                }
                lastBorrows = borrows;
            }
        } finally {
            reading.set(false);
            for (Thread borrower : borrowers) {
                borrower.join();
            }
        }

        assertThat(contradictions).as("reads with ReturnCount above BorrowCount, of " + READS).isZero();
        assertThat(lastBorrows).as("the pool was busy while it was read").isPositive();
    }
}
