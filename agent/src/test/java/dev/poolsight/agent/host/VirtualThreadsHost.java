package dev.poolsight.agent.host;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * A borrow and a return on each of 1,000 virtual threads, one per task as a server would start them per request.
 * Needs Java 21 or later; compiled for 17, so the executor is found reflectively.
 */
public final class VirtualThreadsHost {

    static final int TASKS = 1_000;

    private VirtualThreadsHost() {
    }

    public static void main(String[] args) throws Exception {
        GenericObjectPoolConfig<StringBuilder> config = new GenericObjectPoolConfig<>();
        config.setJmxNamePrefix("virtual-threads");
        config.setMaxTotal(8);
        try (GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new GenericPoolHost.Buffers(), config)) {
            ExecutorService perTask =
                    (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            for (int i = 0; i < TASKS; i++) {
                perTask.submit(() -> {
                    pool.returnObject(pool.borrowObject());
                    return null;
                });
            }
            perTask.shutdown();
            if (!perTask.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the virtual threads did not finish within a minute");
            }
            HostReport.result("threadRings", AgentInternals.threadRings("virtual-threads"));
            HostReport.pools();
        }
    }
}
