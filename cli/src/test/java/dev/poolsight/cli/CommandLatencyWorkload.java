package dev.poolsight.cli;

import java.util.concurrent.CountDownLatch;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Eight threads sharing a JedisPool of two connections, run until the process is ended, in a JVM started with the
 * agent: {@code CommandLatencyWorkload <redis host> <redis port> <slow-commands|held-connections>}. With
 * {@code slow-commands} each thread runs a Lua script that spins {@value #WORK_MILLIS} ms inside Redis, which is then
 * the bottleneck; with {@code held-connections} each sends a fast GET and keeps the connection {@value #WORK_MILLIS} ms
 * as if working on the reply, so the pool is. Callers wait for a connection either way. Prints {@code RUNNING} on
 * stderr once every thread has made a command.
 */
public final class CommandLatencyWorkload {

    static final int WORK_MILLIS = 20;
    private static final int THREADS = 8;
    /** Spins inside Redis for ARGV[1] microseconds. */
    private static final String SPIN = "local s = redis.call('TIME') local t0 = s[1] * 1000000 + s[2] "
            + "repeat local n = redis.call('TIME') until n[1] * 1000000 + n[2] - t0 >= tonumber(ARGV[1]) return 1";
    private static final String KEY = "poolsight:secret-key";

    private CommandLatencyWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean slowCommands = switch (args[2]) {
            case "slow-commands" -> true;
            case "held-connections" -> false;
            default -> throw new IllegalArgumentException("unknown workload " + args[2]
                    + "; accepted: slow-commands, held-connections");
        };
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(2);
        config.setMaxIdle(2);
        JedisPool pool = new JedisPool(config, args[0], Integer.parseInt(args[1]));
        CountDownLatch started = new CountDownLatch(THREADS);
        Thread[] threads = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            threads[i] = new Thread(() -> {
                while (true) {
                    work(pool, slowCommands);
                    started.countDown();
                }
            }, "workload-" + i);
            threads[i].start();
        }
        started.await();
        System.err.println("RUNNING");
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void work(JedisPool pool, boolean slowCommands) {
        try (Jedis jedis = pool.getResource()) {
            if (slowCommands) {
                jedis.eval(SPIN, 0, Long.toString(WORK_MILLIS * 1000L));
            } else {
                jedis.get(KEY);
                // the application's own work on the reply, with the connection still borrowed
                Thread.sleep(WORK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
