package dev.poolsight.cli.advise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.poolsight.cli.GoDurationConverter;
import dev.poolsight.cli.TargetConverter;
import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSource;
import dev.poolsight.cli.source.Target;
import dev.poolsight.cli.source.TargetException;
import dev.poolsight.core.config.GoDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolsight advise <pid | jolokia-url> [--window 60s]}: watches the pools and says how to size them. */
@Command(name = "advise", mixinStandardHelpOptions = true,
        description = {"Watches the pools of a JVM, then prints a diagnosis and the settings to use as export lines.",
                "A process id is reached through the attach API (the agent is loaded when it is not there yet); "
                        + "a URL through the agent's Jolokia endpoint."})
public final class AdviseCommand implements Callable<Integer> {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", converter = TargetConverter.class,
            description = "a process id, such as 4242, or a Jolokia URL, such as http://127.0.0.1:8778/jolokia")
    private Target target;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "60s", converter = GoDurationConverter.class,
            description = "how long to watch, such as 60s or 5m (default: ${DEFAULT-VALUE}); watch through a peak")
    private Duration window;

    @Option(names = "--pool-timeout", paramLabel = "DURATION", converter = GoDurationConverter.class,
            description = "the pool's REDIS_POOL_TIMEOUT, which its MBean does not show, so that advise can say keep")
    private Duration poolTimeout;

    @Option(names = "--json", description = "print the advice as JSON")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PoolReading> readings;
        try (PoolSource source = target.open(System.getenv(), err)) {
            PoolReading first = source.read();
            err.println("poolsight: watching the pools of " + source.describe() + " for " + format(window) + " ...");
            readings = watch(source, first, window);
        }
        List<Advice> advice = adviseAll(readings, Optional.ofNullable(poolTimeout));
        if (advice.isEmpty()) {
            throw new TargetException("no Poolsight pool was seen in " + target + " for " + format(window)
                    + ": has it made a Commons Pool 2 pool (a JedisPool) and used it?");
        }
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(advice));
        } else {
            AdvicePrinter.print(advice, out);
        }
        return 0;
    }

    /** Reads {@code source} once a second for {@code window} after the {@code first} reading, and at its end. */
    static List<PoolReading> watch(PoolSource source, PoolReading first, Duration window) throws InterruptedException {
        List<PoolReading> readings = new ArrayList<>();
        long start = first.nanoTime();
        long end = start + window.toNanos();
        readings.add(first);
        for (long next = start + INTERVAL.toNanos(); ; next += INTERVAL.toNanos()) {
            long at = Math.min(next, end);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, at - System.nanoTime()));
            readings.add(source.read());
            if (at == end) {
                return readings;
            }
        }
    }

    /** Advice for every pool that at least two readings show, in the order they first appear. */
    public static List<Advice> adviseAll(List<PoolReading> readings, Optional<Duration> poolTimeout) {
        Set<String> names = new LinkedHashSet<>();
        readings.forEach(reading -> reading.pools().forEach(pool -> names.add(pool.name())));
        Advisor advisor = new Advisor();
        List<Advice> advice = new ArrayList<>();
        for (String name : names) {
            PoolObservation.of(name, readings)
                    .ifPresent(observation -> advice.add(advisor.advise(observation, poolTimeout)));
        }
        return advice;
    }

    private static String format(Duration duration) {
        return GoDuration.format(duration);
    }
}
