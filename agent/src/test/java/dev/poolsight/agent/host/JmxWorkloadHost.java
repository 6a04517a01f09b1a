package dev.poolsight.agent.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A Redis workload whose numbers a test checks through JMX and Jolokia:
 * {@code JmxWorkloadHost <redis host> <redis port>}. It borrows 200 times (one connection held 5 ms each time),
 * prints {@code READY}, then obeys lines on stdin: {@code exhaust} holds every connection and lets three more
 * borrows time out, {@code quit} ends it.
 */
public final class JmxWorkloadHost {

    public static final int BORROWS = 200;
    public static final int MAX_TOTAL = 4;

    private JmxWorkloadHost() {
    }

    public static void main(String[] args) throws Exception {
        try (JedisPool pool = new JedisPool(JedisHost.config(MAX_TOTAL, Duration.ofMillis(20)), args[0],
                Integer.parseInt(args[1]))) {
            for (int i = 0; i < BORROWS; i++) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.ping();
                    JedisHost.sleepQuietly(i % 40 == 0 ? 5 : 0);
                }
            }
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("exhaust")) {
                    System.out.println("EXHAUSTED " + exhaust(pool));
                    System.out.flush();
                }
            }
        }
    }

    private static int exhaust(JedisPool pool) {
        List<Jedis> held = new ArrayList<>();
        int caught = 0;
        try {
            for (int i = 0; i < MAX_TOTAL; i++) {
                held.add(pool.getResource());
            }
            for (int i = 0; i < 3; i++) {
                try (Jedis extra = pool.getResource()) {
                    extra.ping();
                } catch (JedisException e) {
                    if (JedisHost.isExhaustion(e)) {
                        caught++;
                    }
                }
            }
        } finally {
            held.forEach(Jedis::close);
        }
        return caught;
    }
}
