package dev.poolsight.agent.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Jedis clients making a known number of commands against a real Redis, in a child JVM with the agent:
 * {@code JedisClientsHost <redis host> <redis port> <JedisPool|JedisPooled|RedisClient|commands> [command MBeans]}.
 * The first three make {@value #GETS} GETs through that client, then report once there are that many RedisCommands
 * MBeans (1 unless told; 0 when command timing is off); {@code commands} makes GETs, a slow script, an error reply, a
 * pipeline, a transaction, a killed connection and a read timeout, then reports, with the agent's Prometheus
 * metrics when the system property {@code host.metrics} gives their URL. Every key and value holds the word
 * "secret", which the test looks for in what the agent shows.
 */
public final class JedisClientsHost {

    static final int GETS = 100;
    static final String KEY = "poolsight:secret-key:";
    /** Spins inside Redis for ARGV[1] microseconds: a command that is slow on the server, whoever sends it. */
    static final String SPIN = "local s = redis.call('TIME') local t0 = s[1] * 1000000 + s[2] "
            + "repeat local n = redis.call('TIME') until n[1] * 1000000 + n[2] - t0 >= tonumber(ARGV[1]) return 1";

    private JedisClientsHost() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int commandMBeans = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        switch (args[2]) {
            case "JedisPool" -> {
                try (JedisPool pool = new JedisPool(JedisHost.config(8, Duration.ofSeconds(5)), host, port)) {
                    for (int i = 0; i < GETS; i++) {
                        try (Jedis jedis = pool.getResource()) {
                            jedis.get(KEY + i);
                        }
                    }
                    report(commandMBeans);
                }
            }
            case "JedisPooled" -> {
                try (JedisPooled client = new JedisPooled(host, port)) {
                    gets(client, commandMBeans);
                }
            }
            case "RedisClient" -> {
                try (UnifiedJedis client = RedisClients.create(host, port)) {
                    gets(client, commandMBeans);
                }
            }
            case "commands" -> commands(host, port);
            case "attach" -> attachLater(host, port);
            default -> throw new IllegalArgumentException("unknown scenario " + args[2]);
        }
    }

    private static void gets(UnifiedJedis client, int commandMBeans) throws Exception {
        for (int i = 0; i < GETS; i++) {
            client.get(KEY + i);
        }
        report(commandMBeans);
    }

    /**
     * Sends commands before the agent arrives, so that Jedis' classes are loaded unwoven, then waits for the test
     * to attach it and makes {@value #GETS} GETs.
     */
    private static void attachLater(String host, int port) throws Exception {
        try (JedisPooled client = new JedisPooled(host, port)) {
            for (int i = 0; i < 10; i++) {
                client.get(KEY + i);
            }
            System.out.println("READY " + ProcessHandle.current().pid());
            System.out.flush();
            java.io.BufferedReader in = new java.io.BufferedReader(
                    new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
            if (!"GO".equals(in.readLine())) {
                throw new IllegalStateException("expected GO from the test");
            }
            gets(client, 1);
        }
    }

    private static void report(int commandMBeans) throws Exception {
        HostReport.pools();
        HostReport.redisCommands(commandMBeans);
    }

    private static void commands(String host, int port) throws Exception {
        try (JedisPool pool = new JedisPool(JedisHost.config(1, Duration.ofSeconds(5)), host, port);
             JedisPool impatient = new JedisPool(JedisHost.config(1, Duration.ofSeconds(5)), new HostAndPort(host, port),
                     DefaultJedisClientConfig.builder().socketTimeoutMillis(50).build())) {
            try (Jedis jedis = pool.getResource()) {
                for (int i = 0; i < GETS; i++) {
                    jedis.get(KEY + i);
                }
                jedis.set(KEY + "string", "secret-value");
                try {
                    jedis.lpush(KEY + "string", "secret-element");
                } catch (JedisDataException expected) {
                    HostReport.result("wrongType", expected.getMessage().startsWith("WRONGTYPE"));
                }
                jedis.eval(SPIN, 0, "50000");
                Pipeline pipeline = jedis.pipelined();
                for (int i = 0; i < 10; i++) {
                    pipeline.set(KEY + "pipelined:" + i, "secret-value");
                }
                pipeline.sync();
                Transaction transaction = jedis.multi();
                transaction.set(KEY + "transacted", "secret-value");
                transaction.incr(KEY + "counter");
                List<Object> replies = transaction.exec();
                HostReport.result("transactionReplies", replies.size());
                killFromAnotherThread(host, port, jedis.clientId());
                try {
                    jedis.get(KEY + "after-kill");
                } catch (JedisConnectionException expected) {
                    HostReport.result("killed", true);
                }
            }
            try (Jedis jedis = impatient.getResource()) {
                jedis.eval(SPIN, 0, "300000");
            } catch (JedisConnectionException expected) {
                HostReport.result("timedOut", true);
            }
            report(2);
            String metrics = System.getProperty("host.metrics");
            if (metrics != null) {
                HostReport.result("metricsText", scrape(metrics));
            }
        }
    }

    /** The agent's Prometheus endpoint as a scraper reads it, on one line. */
    private static String scrape(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body().replace('\n', ' ');
    }

    /** From a thread that holds no pooled connection, so that the kill is not one of the pool's commands. */
    private static void killFromAnotherThread(String host, int port, long clientId) throws InterruptedException {
        Thread killer = new Thread(() -> {
            try (Jedis admin = new Jedis(host, port)) {
                admin.clientKill(new redis.clients.jedis.params.ClientKillParams().id(Long.toString(clientId)));
            }
        });
        killer.start();
        killer.join();
    }
}
