import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * A steady Redis workload for screenshots: 12 threads on a pool of 10 connections, each holding its connection
 * for a few milliseconds, so that JConsole shows real utilization, waits and the odd exhaustion.
 * Run with Java's source launcher: {@code java -cp <jedis jars> PoolWorkload.java <host> <port> <seconds>}.
 */
public class PoolWorkload {

    public static void main(String[] args) throws Exception {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(10);
        config.setMaxIdle(5);
        config.setMaxWait(Duration.ofMillis(15));
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[2])).toNanos();
        try (JedisPool pool = new JedisPool(config, args[0], Integer.parseInt(args[1]))) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try (Jedis jedis = pool.getResource()) {
                            jedis.incr("screenshot:counter");
                            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 8));
                        } catch (InterruptedException e) {
                            return;
                        } catch (RuntimeException exhausted) {
                            // counted by the agent; the workload goes on
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
