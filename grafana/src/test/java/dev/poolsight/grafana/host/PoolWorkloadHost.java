package dev.poolsight.grafana.host;

import dev.poolsight.core.config.RedisPoolFactory;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenCounterMBean;
import dev.poolsight.core.tokens.TokenEstimator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * An application as Poolsight's users write one, run in a child JVM with the agent: a Jedis pool built by core from
 * REDIS_URL, REDIS_POOL_SIZE, REDIS_POOL_TIMEOUT and REDIS_MAX_IDLE_CONNS, worker threads that write and read
 * through it, and core's asynchronous token counter counting what they write.
 *
 * <p>{@code PoolWorkloadHost serve} prints READY and then answers the test on stdin:
 * <ul>
 *   <li>{@code EXHAUST n}: pauses the workers, holds every connection of the pool, tries {@code n} more borrows
 *       (each fails after REDIS_POOL_TIMEOUT), gives the connections back, resumes the workers and prints
 *       {@code CAUGHT <exhaustion exceptions caught since start>};</li>
 *   <li>{@code STOP}: ends.</li>
 * </ul>
 * {@code PoolWorkloadHost work} does a little work with no Redis at all, prints {@code RESULT work=500500} and ends;
 * {@code PoolWorkloadHost idle} prints READY and waits, with no Redis either, until the test ends it.
 */
public final class PoolWorkloadHost {

    private static final int WORKERS = 2;

    private final JedisPool pool;
    private final AsyncTokenCounter tokens;
    private final AtomicLong caught = new AtomicLong();
    /** Workers hold the read lock for each unit of work; EXHAUST takes the write lock to pause them. */
    private final ReadWriteLock working = new ReentrantReadWriteLock();
    private volatile boolean running = true;

    private PoolWorkloadHost(JedisPool pool, AsyncTokenCounter tokens) {
        this.pool = pool;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "work" -> work(1000);
            case "idle" -> idle();
            case "serve" -> serveRedis();
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        }
    }

    private static void work(int upTo) {
        long sum = 0;
        for (int i = 1; i <= upTo; i++) {
            sum += i;
        }
        System.out.println("RESULT work=" + sum);
    }

    private static void idle() throws Exception {
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static void serveRedis() throws Exception {
        TokenCounterSettings counting = new TokenCounterSettings(1, 16);
        try (JedisPool pool = RedisPoolFactory.create(RedisSettings.fromEnvironment());
                AsyncTokenCounter tokens = new AsyncTokenCounter("memory", ExactTokenCounter.forEncoding("o200k_base"),
                        new TokenEstimator(), counting);
                TokenCounterMBean mbean = TokenCounterMBean.register(tokens)) {
            new PoolWorkloadHost(pool, tokens).serve();
        }
    }

    private void serve() throws Exception {
        List<Thread> workers = new ArrayList<>();
        for (int i = 1; i <= WORKERS; i++) {
            Thread worker = new Thread(this::work, "workload-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        System.out.println("READY " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("STOP"); line = in.readLine()) {
            if (line.startsWith("EXHAUST ")) {
                exhaust(Integer.parseInt(line.substring("EXHAUST ".length())));
                System.out.println("CAUGHT " + caught.get());
                System.out.flush();
            }
        }
        running = false;
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private void work() {
        long i = 0;
        while (running) {
            working.readLock().lock();
            try (Jedis jedis = pool.getResource()) {
                String message = "message " + i + " of " + Thread.currentThread().getName();
                jedis.rpush("poolsight:grafana:" + Thread.currentThread().getName(), message);
                jedis.ltrim("poolsight:grafana:" + Thread.currentThread().getName(), -100, -1);
                // Bursts beyond the counter's small queue fall back to the estimate, as under real load.
                tokens.submit(message, count -> { });
            } catch (JedisException e) {
                countIfExhaustion(e);
            } finally {
                working.readLock().unlock();
            }
            i++;
            pace();
        }
    }

    /** About a thousand units of work a second per worker: load, without taking the machine's two cores. */
    private static void pace() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exhaust(int attempts) {
        working.writeLock().lock();
        List<Jedis> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaxTotal(); i++) {
                held.add(pool.getResource());
            }
            for (int i = 0; i < attempts; i++) {
                try (Jedis extra = pool.getResource()) {
                    throw new IllegalStateException("borrowed " + extra + " from a pool that should be exhausted");
                } catch (JedisException e) {
                    countIfExhaustion(e);
                }
            }
        } finally {
            held.forEach(Jedis::close);
            working.writeLock().unlock();
        }
    }

    private void countIfExhaustion(JedisException error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof NoSuchElementException) {
                caught.incrementAndGet();
                return;
            }
        }
        throw error;
    }
}
