package dev.poolsight.cli.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.poolsight.cli.CommandFailure;
import dev.poolsight.cli.GoDurationConverter;
import dev.poolsight.cli.advise.Advice;
import dev.poolsight.cli.advise.AdviseCommand;
import dev.poolsight.cli.advise.PoolObservation;
import dev.poolsight.cli.source.AgentJar;
import dev.poolsight.cli.source.JmxPoolSource;
import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSnapshot;
import dev.poolsight.core.config.GoDuration;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.memory.MemoryOptions;
import dev.poolsight.core.memory.RedisConversationMemory;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code poolsight load}: simulated LLM agents on the core store, with asynchronous token counting, against the
 * Redis of {@code REDIS_URL} or one started for the run; a status line each second, then a summary and advice.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Puts the core conversation store under the load of simulated LLM agents and shows what its "
                + "Redis connection pool does.",
                "The pool is sized by REDIS_POOL_SIZE, REDIS_POOL_TIMEOUT and REDIS_MAX_IDLE_CONNS. Without REDIS_URL a "
                        + "Redis is started for the run (redis-server from the PATH, else the one bundled with "
                        + "embedded-redis); with REDIS_URL only keys under poolsight:load:<run> are written, and removed "
                        + "at the end."})
public final class LoadCommand implements Callable<Integer> {

    private static final Duration KEY_TTL = Duration.ofMinutes(10);
    private static final int MAX_MESSAGES = 100;
    /**
     * Long enough for the JIT: on a 2-core machine C2 still took 70 % of the JVM's processor time in seconds 2 to 4
     * of a run and a quarter in seconds 4 to 6, and throughput climbed until then.
     */
    private static final Duration DEFAULT_WARMUP = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = GoDurationConverter.class,
            description = "how long to run, such as 30s or 2m (default: ${DEFAULT-VALUE})")
    private Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = GoDurationConverter.OrZero.class,
            description = "the first part of the run, whose operations count but whose latencies are left out of the "
                    + "summary, as the JVM is still loading and compiling (default: 2s, or half of a shorter --duration)")
    private Duration warmup;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16",
            description = "simulated agents, each on its own thread (default: ${DEFAULT-VALUE})")
    private int threads;

    @Option(names = "--rate", paramLabel = "OPS_PER_SECOND",
            description = "open loop: start this many operations a second, whatever the store does (at most --threads "
                    + "at once); without it each agent goes as fast as it can")
    private Double rate;

    @Option(names = "--conversations", paramLabel = "N", defaultValue = "500",
            description = "conversations the agents pick from (default: ${DEFAULT-VALUE})")
    private int conversations;

    @Option(names = "--message-bytes", paramLabel = "BYTES", defaultValue = "400",
            description = "median message size; sizes are log-normal, a long tail up to 64 KB (default: ${DEFAULT-VALUE})")
    private int messageBytes;

    @Option(names = "--fixed-size", description = "every message exactly --message-bytes long")
    private boolean fixedSize;

    @Option(names = "--appends-only", description = "only appends, no reads (to compare with redis-benchmark)")
    private boolean appendsOnly;

    @Option(names = "--estimates-only", description = "appends keep the fast token estimate and no exact count follows: "
            + "the store and its pool alone, without the counting workers")
    private boolean estimatesOnly;

    @Option(names = "--history", paramLabel = "K", defaultValue = "20",
            description = "messages read before each reply (default: ${DEFAULT-VALUE})")
    private int history;

    @Option(names = "--json", description = "print the summary as JSON")
    private boolean json;

    @Option(names = "--jolokia", paramLabel = "[HOST:]PORT",
            description = "serve the pool's MBeans over Jolokia while the run lasts (bin/poolsight passes it to the agent)")
    private String jolokia;

    @Option(names = "--prometheus", paramLabel = "[HOST:]PORT",
            description = "serve the agent's Prometheus endpoint while the run lasts (bin/poolsight passes it to the "
                    + "agent)")
    private String prometheus;

    @Override
    public Integer call() throws Exception {
        checkArguments();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> environment = System.getenv();
        RedisSettings settings = RedisSettings.fromEnvironment(environment);
        boolean measured = agentAttached(err);
        TokenCounting tokens = estimatesOnly ? TokenCounting.estimatesOnly() : TokenCounting.fromEnvironment(environment);
        try (LoadRedis redis = LoadRedis.forRun(environment, settings)) {
            err.println("poolsight: " + redis.description());
            if (redis.startedForRun()) {
                Map<String, String> withServer = new HashMap<>(environment);
                withServer.put(RedisSettings.REDIS_URL, redis.url());
                settings = RedisSettings.fromEnvironment(withServer);
            }
            String prefix = "poolsight:load:" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            // Stopped early (Ctrl-C), the run still removes its keys; any written after that expire with their TTL.
            Thread removeOnExit = new Thread(() -> KeyCleanup.remove(redis.url(), prefix), "poolsight-load-cleanup");
            if (!redis.startedForRun()) {
                Runtime.getRuntime().addShutdownHook(removeOnExit);
            }
            LoadReport report = run(settings, redis, prefix, tokens, measured, err);
            if (!redis.startedForRun()) {
                Runtime.getRuntime().removeShutdownHook(removeOnExit);
                long removed = KeyCleanup.remove(redis.url(), prefix);
                err.println("poolsight: removed the run's " + removed + " keys under " + prefix + ":*");
            }
            print(report, out);
            return report.client().succeeded() == 0 && report.client().failed() > 0 ? 1 : 0;
        }
    }

    private void checkArguments() {
        List<String> problems = new ArrayList<>();
        if (threads < 1 || threads > 10_000) {
            problems.add("--threads " + threads + ": from 1 to 10000");
        }
        if (rate != null && !(rate > 0)) {
            problems.add("--rate " + rate + ": more than 0 operations a second");
        }
        if (conversations < 1) {
            problems.add("--conversations " + conversations + ": 1 or more");
        }
        if (messageBytes < 1 || messageBytes > MessageSizes.MAX_BYTES) {
            problems.add("--message-bytes " + messageBytes + ": from 1 to " + MessageSizes.MAX_BYTES);
        }
        if (warmup == null) {
            warmup = DEFAULT_WARMUP.compareTo(duration.dividedBy(2)) < 0 ? DEFAULT_WARMUP : duration.dividedBy(2);
        }
        if (warmup.compareTo(duration) >= 0) {
            problems.add("--warmup " + GoDuration.format(warmup) + ": shorter than --duration "
                    + GoDuration.format(duration));
        }
        if (history < 1) {
            problems.add("--history " + history + ": 1 or more");
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join("; ", problems));
        }
    }

    /** Whether the agent measures this JVM's pools; endpoints asked for must have been given to it at start-up. */
    private boolean agentAttached(PrintWriter err) {
        Optional<String> agent = AgentJar.javaAgentOptions(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String options = agent.map(a -> a.contains("=") ? a.substring(a.indexOf('=') + 1) : "").orElse("");
        requireAgentOption("jolokia", jolokia, options);
        requireAgentOption("prometheus", prometheus, options);
        if (agent.isEmpty()) {
            err.println("poolsight: the agent is not attached to this JVM (bin/poolsight attaches it): "
                    + "the pool will not be measured");
        }
        return agent.isPresent();
    }

    /** An endpoint starts with the agent, at start-up: asked for here, it must have been asked of the agent too. */
    private static void requireAgentOption(String name, String value, String agentOptions) {
        if (value != null && !agentOptions.contains(name + "=" + value)) {
            throw new CommandFailure("--" + name + " " + value + " needs the agent started with " + name + "=" + value
                    + ": run load through bin/poolsight, which passes it");
        }
    }

    private LoadReport run(RedisSettings settings, LoadRedis redis, String prefix, TokenCounting tokens,
            boolean measured, PrintWriter err) throws InterruptedException {
        LoadMetrics metrics = new LoadMetrics();
        MemoryOptions options = tokens.configure(MemoryOptions.builder().keyPrefix(prefix).maxMessages(MAX_MESSAGES)
                .ttl(KEY_TTL)).build();
        JmxPoolSource pools = JmxPoolSource.platform();
        List<PoolReading> readings = new ArrayList<>();
        AtomicInteger peakQueueDepth = new AtomicInteger();
        PoolReading afterDrain;
        long start;
        long stopped;
        try (RedisConversationMemory store = RedisConversationMemory.create(settings, options)) {
            MessageSizes sizes = new MessageSizes(messageBytes, fixedSize);
            SimulatedAgents agents = new SimulatedAgents(store, metrics, sizes,
                    new MessageTexts(ThreadLocalRandom.current().nextLong()), conversations, history, appendsOnly);
            err.println("poolsight: " + describeRun(settings, sizes));
            readings.add(pools.read());
            start = System.nanoTime();
            long deadline = start + duration.toNanos();
            ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "poolsight-load-status");
                thread.setDaemon(true);
                return thread;
            });
            StatusTask task = new StatusTask(start, start + warmup.toNanos(), metrics, pools, tokens::queueDepth,
                    readings, peakQueueDepth, err, measured);
            status.scheduleAtFixedRate(task, 1, 1, TimeUnit.SECONDS);
            try {
                if (rate == null) {
                    agents.closedLoop(threads, deadline);
                } else {
                    agents.openLoop(threads, rate, start, deadline);
                }
            } finally {
                status.shutdown();
                status.awaitTermination(5, TimeUnit.SECONDS);
            }
            stopped = System.nanoTime();
            readings.add(pools.read());
            tokens.drain();
            afterDrain = pools.read();
        }
        return report(settings, redis, metrics.totals(), metrics.rates(start, stopped), (stopped - start) / 1e9,
                afterWarmUp(readings, start + warmup.toNanos()), afterDrain, tokens.report(peakQueueDepth.get()));
    }

    /**
     * The readings from the first one at or after the warm-up's end, when two or more are (else all): the pool's
     * utilization and the advice describe the steady run, as the throughput and latencies do, not the connections
     * being opened and the code being compiled at its start, whose waits would make a pool look too small.
     */
    static List<PoolReading> afterWarmUp(List<PoolReading> readings, long warmupEnd) {
        for (int i = 0; i < readings.size() - 1; i++) {
            if (readings.get(i).nanoTime() >= warmupEnd) {
                return readings.subList(i, readings.size());
            }
        }
        return readings;
    }

    private String describeRun(RedisSettings settings, MessageSizes sizes) {
        return GoDuration.format(duration) + " of " + threads + " agents" + (rate == null ? " in a closed loop"
                : " at " + Math.round(rate) + " operations/s") + " on " + conversations + " conversations ("
                + (appendsOnly ? "appends only" : "append, read last " + history + ", reply, sometimes a page") + "; "
                + (estimatesOnly ? "token estimates only; " : "")
                + sizes.describe() + "); pool " + RedisSettings.REDIS_POOL_SIZE + "=" + settings.poolSize() + " "
                + RedisSettings.REDIS_MAX_IDLE_CONNS + "=" + settings.maxIdle() + " " + RedisSettings.REDIS_POOL_TIMEOUT
                + "=" + settings.poolTimeoutText();
    }

    private LoadReport report(RedisSettings settings, LoadRedis redis, LoadMetrics.Totals totals,
            LoadMetrics.Rates rates, double seconds,
            List<PoolReading> readings, PoolReading afterDrain, LoadReport.TokenCounter tokens) {
        LoadReport.Client client = new LoadReport.Client(totals.operations(), totals.succeeded(), totals.appends(),
                totals.readLasts(), totals.readPages(), totals.exhausted(), totals.failed(), totals.firstFailure(),
                rates.operationsPerSecond(), rates.appendsPerSecond(),
                LoadMetrics.millis(totals.appendLatency(), 50), LoadMetrics.millis(totals.appendLatency(), 99),
                LoadMetrics.millis(totals.appendLatency(), 99.9), LoadMetrics.millis(totals.appendLatency(), 100),
                LoadMetrics.millis(totals.readLatency(), 50), LoadMetrics.millis(totals.readLatency(), 99));
        Optional<PoolSnapshot> pool = storePool(afterDrain, settings);
        LoadReport.Pool poolReport = pool.map(p -> {
            Optional<PoolObservation> observed = PoolObservation.of(p.name(), readings);
            return new LoadReport.Pool(p.name(), p.borrowCount(), p.exhaustionCount(), p.borrowFailureCount(),
                    p.maxTotal(), p.maxIdle(), observed.map(PoolObservation::peakActive).orElse(-1),
                    observed.map(o -> o.meanActive() / p.maxTotal()).orElse(Double.NaN), p.waitP50Millis(),
                    p.waitP99Millis(), p.waitMaxMillis(), p.holdMeanMillis(), p.holdP99Millis());
        }).orElse(null);
        List<Advice> advice = pool.map(p -> AdviseCommand.adviseAll(readings, Optional.of(settings.poolTimeout()))
                .stream().filter(a -> a.observation().pool().equals(p.name())).toList()).orElse(List.of());
        return new LoadReport(redis.description(), new LoadReport.Run(seconds, warmup.toMillis() / 1000.0, threads, rate,
                conversations,
                new MessageSizes(messageBytes, fixedSize).describe(), appendsOnly ? "appends" : "chat"),
                new LoadReport.Settings(settings.poolSize(), settings.maxIdle(), settings.poolTimeoutText()),
                client, poolReport, tokens, advice);
    }

    /** The store's pool: the only pool of this JVM, or else the one named for the Redis server's port. */
    private static Optional<PoolSnapshot> storePool(PoolReading reading, RedisSettings settings) {
        if (reading.pools().size() <= 1) {
            return reading.pools().stream().findFirst();
        }
        String port = Integer.toString(settings.url().port());
        return reading.pools().stream().filter(pool -> pool.name().endsWith(port)).findFirst()
                .or(() -> reading.pools().stream().findFirst());
    }

    private void print(LoadReport report, PrintWriter out) throws Exception {
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } else {
            LoadSummary.print(report, out);
        }
        out.flush();
    }
}
