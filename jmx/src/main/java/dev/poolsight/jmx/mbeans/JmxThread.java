package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.AgentHealth;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread, {@value #NAME}, on which MBeans are registered and unregistered and notifications are sent,
 * so that no application thread ever does JMX work: registering takes the MBean server's locks and may run other
 * parties' listeners, and a notification listener may be slow. Tasks run in the order they were handed in; one that
 * throws is counted in {@link AgentHealth} and the next runs. The thread ends when idle for a while and comes back
 * when work arrives, so a JVM whose pools are all built costs no parked thread.
 */
final class JmxThread implements Executor, AutoCloseable {

    static final String NAME = "poolsight-jmx";

    private final ExecutorService executor;

    JmxThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, NAME);
                    thread.setDaemon(true);
                    // Made on whichever application thread first hands in work: it must not keep that thread's
                    // context class loader (a web application's, say) alive.
                    thread.setContextClassLoader(JmxThread.class.getClassLoader());
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
    }

    /** Queues {@code task}; never blocks and never throws into the caller, who may be an application thread. */
    @Override
    public void execute(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    AgentHealth.failure("JMX task", t);
                }
            });
        } catch (RuntimeException e) {
            AgentHealth.failure("queue JMX task", e);
        }
    }

    /** Runs what is queued, then lets the thread end; later tasks are counted as failures, not run. */
    @Override
    public void close() {
        executor.shutdown();
    }
}
