package dev.poolsight.agent.prometheus.server;

import com.sun.net.httpserver.BasicAuthenticator;
import dev.poolsight.agent.EndpointAddress;
import dev.poolsight.agent.prometheus.PrometheusCredentials;
import dev.poolsight.agent.prometheus.PrometheusEndpoint;
import dev.poolsight.jmx.PoolRegistry;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Prometheus client's HTTP server, set up as Poolsight's endpoint: {@code /metrics} with the pools, the token
 * counters and {@code poolsight_agent_info}, nothing else of the JVM, and no say for the host's
 * {@code io.prometheus.*} properties. Loaded by the endpoint's own class loader, not from the bootstrap class path.
 */
public final class PoolsightMetricsServer implements PrometheusEndpoint {

    private final HTTPServer server;
    private final String url;

    private PoolsightMetricsServer(HTTPServer server, String url) {
        this.server = server;
        this.url = url;
    }

    /** Called by the launcher; throws what the server throws, a {@link java.net.BindException} included. */
    public static PrometheusEndpoint start(EndpointAddress address, Optional<PrometheusCredentials> credentials)
            throws Exception {
        PrometheusRegistry registry = registry(PoolRegistry.global());
        FutureTask<HTTPServer> start = new FutureTask<>(() -> {
            HTTPServer.Builder builder = HTTPServer.builder(PrometheusProperties.builder().build())
                    .hostname(address.host())
                    .port(address.port())
                    .registry(registry)
                    .executorService(scrapeThreads());
            credentials.ifPresent(user -> builder.authenticator(new Authenticator(user)));
            return builder.buildAndStart();
        });
        // The JDK's HTTP dispatcher thread inherits this thread's daemon flag, so that the endpoint never keeps the JVM
        // alive, whatever thread started the agent.
        Thread starter = new Thread(start, "poolsight-prometheus-start");
        starter.setDaemon(true);
        starter.setContextClassLoader(PoolsightMetricsServer.class.getClassLoader());
        starter.start();
        try {
            HTTPServer server = start.get();
            String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
            return new PoolsightMetricsServer(server, "http://" + host + ":" + server.getPort() + "/metrics");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** What a scrape shows: the pools of {@code pools}, the platform MBean server's token counters, the agent. */
    static PrometheusRegistry registry(PoolRegistry pools) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new PoolMetrics(pools));
        registry.register(new RedisCommandMetrics(pools));
        registry.register(new TokenCounterMetrics(ManagementFactory.getPlatformMBeanServer()));
        registry.register(new MemoryStoreMetrics(ManagementFactory.getPlatformMBeanServer()));
        InfoSnapshot info = InfoSnapshot.builder().name("poolsight_agent").help("The Poolsight agent in this JVM")
                .dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", version())).build())
                .build();
        registry.register(() -> info);
        return registry;
    }

    private static String version() {
        String version = PoolsightMetricsServer.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** Two daemon threads: scrapes are rare and quick, and a slow one does not hold up the next. */
    private static ExecutorService scrapeThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "poolsight-prometheus-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void stop() {
        server.close();
    }

    /** Basic authentication with one user; the password is compared in constant time. */
    private static final class Authenticator extends BasicAuthenticator {

        private final byte[] user;
        private final byte[] password;

        Authenticator(PrometheusCredentials credentials) {
            super("poolsight");
            this.user = credentials.user().getBytes(StandardCharsets.UTF_8);
            this.password = credentials.password().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String username, String given) {
            boolean userMatches = MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8));
            boolean passwordMatches = MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8));
            return userMatches & passwordMatches;
        }
    }
}
