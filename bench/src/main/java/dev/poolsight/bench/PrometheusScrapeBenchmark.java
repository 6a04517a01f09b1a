package dev.poolsight.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a Prometheus scrape of 100 pools costs the application: a GET of the agent's /metrics, against a GET of
 * the same server's /-/healthy, which makes the same HTTP round trip without reading a pool. The difference is the
 * scrape's own work (each pool's stats, the token counters' MBeans, the text format), done on the endpoint's thread.
 * Run from the repository root; port 19464 must be free.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 2, jvmArgsAppend = "-javaagent:agent/target/poolsight-agent.jar=quiet,prometheus=127.0.0.1:" + PrometheusScrapeBenchmark.PORT)
public class PrometheusScrapeBenchmark {

    static final int PORT = 19464;
    private static final int POOLS = 100;
    private static final String SERIES = "poolsight_pool_borrows_total{";

    private final List<GenericObjectPool<StringBuilder>> pools = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRequest metrics = get("/metrics");
    private final HttpRequest healthy = get("/-/healthy");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        for (int i = 0; i < POOLS; i++) {
            GenericObjectPoolConfig<StringBuilder> config = new GenericObjectPoolConfig<>();
            config.setMaxTotal(8);
            config.setJmxEnabled(false);
            GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new Builders(), config);
            // Waits and holds in every pool, so that each histogram has buckets to write.
            for (int j = 0; j < 100; j++) {
                pool.returnObject(pool.borrowObject());
            }
            pools.add(pool);
        }
        String scrape = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
        long shown = scrape.lines().filter(line -> line.startsWith(SERIES)).count();
        if (shown != POOLS) {
            throw new IllegalStateException("the scrape shows " + shown + " pools, not " + POOLS + ": is the agent's "
                    + "endpoint on port " + PORT + "? " + scrape);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pools.forEach(GenericObjectPool::close);
    }

    @Benchmark
    public int scrapeOf100Pools() throws IOException, InterruptedException {
        return http.send(metrics, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    @Benchmark
    public int healthCheckOfTheSameServer() throws IOException, InterruptedException {
        return http.send(healthy, HttpResponse.BodyHandlers.ofByteArray()).body().length;
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build();
    }

    private static final class Builders extends BasePooledObjectFactory<StringBuilder> {

        @Override
        public StringBuilder create() {
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder builder) {
            return new DefaultPooledObject<>(builder);
        }
    }
}
