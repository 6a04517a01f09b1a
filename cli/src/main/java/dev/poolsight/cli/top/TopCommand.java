package dev.poolsight.cli.top;

import dev.poolsight.cli.GoDurationConverter;
import dev.poolsight.cli.TargetConverter;
import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSnapshot;
import dev.poolsight.cli.source.PoolSource;
import dev.poolsight.cli.source.Target;
import dev.poolsight.cli.source.TokenCounterSnapshot;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code poolsight top <pid | jolokia-url>}: every pool of another JVM, refreshed each second. */
@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"A live view of every pool in a JVM: a row per pool, refreshed each second.",
                "Keys: u utilization, w wait p99, e exhaustions, h hold p99, b borrows/s, n name (sort); q quit.",
                "When the output is not a terminal it prints plain lines, a header and then a row per pool and refresh."})
public final class TopCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final String CLEAR_SCREEN = "\u001b[H\u001b[2J";

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", converter = TargetConverter.class,
            description = "a process id, such as 4242, or a Jolokia URL, such as http://127.0.0.1:8778/jolokia")
    private Target target;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = GoDurationConverter.class,
            description = "time between refreshes (default: ${DEFAULT-VALUE})")
    private Duration interval;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", defaultValue = "0",
            description = "stop after N refreshes; 0 runs until q or Ctrl-C (default: ${DEFAULT-VALUE})")
    private int iterations;

    @Option(names = "--sort", paramLabel = "COLUMN", defaultValue = "utilization",
            description = "first sort: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private SortKey sort;

    @Option(names = "--plain", description = "plain lines even on a terminal")
    private boolean plain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = !plain && stdoutIsTerminal();
        try (PoolSource source = target.open(System.getenv(), spec.commandLine().getErr())) {
            if (terminal) {
                Optional<RawTerminal> raw = RawTerminal.enable();
                try {
                    live(source, out);
                } finally {
                    raw.ifPresent(RawTerminal::close);
                }
            } else {
                plainLines(source, out);
            }
        }
        return 0;
    }

    /**
     * Whether stdout is a terminal: a console exists (Java 17 to 21 make none when a stream is redirected) and, from
     * Java 22, which makes one anyway, says it is a terminal.
     */
    private static boolean stdoutIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private void live(PoolSource source, PrintWriter out) throws InterruptedException {
        BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readKeys(keys), "poolsight-top-keys");
        reader.setDaemon(true);
        reader.start();
        PoolReading previous = null;
        for (int refresh = 1; iterations == 0 || refresh <= iterations; refresh++) {
            PoolReading reading = source.read();
            List<PoolRow> rows = rows(previous, reading);
            out.print(CLEAR_SCREEN);
            out.println("poolsight top  " + source.describe() + "  " + LocalTime.now().format(TIME) + "  sorted by "
                    + sort.name().toLowerCase() + "  (u w e h b n: sort, q: quit)");
            out.println();
            out.println(TopTable.HEADER);
            rows.forEach(row -> out.println(TopTable.row(row)));
            if (!reading.tokenCounters().isEmpty()) {
                out.println();
                reading.tokenCounters().forEach(counter -> out.println(TopTable.tokenCounter(counter)));
            }
            out.println();
            out.println(TopTable.footer(rows));
            out.flush();
            previous = reading;
            long until = System.nanoTime() + interval.toNanos();
            for (long left = interval.toNanos(); left > 0; left = until - System.nanoTime()) {
                Integer key = keys.poll(left, TimeUnit.NANOSECONDS);
                if (key == null) {
                    break;
                }
                if (key == 'q' || key == 'Q' || key == -1) {
                    return;
                }
                sort = SortKey.forKey(key, sort);
            }
        }
    }

    private static void readKeys(BlockingQueue<Integer> keys) {
        try {
            int key;
            do {
                key = System.in.read();
                keys.add(key);
            } while (key != -1);
        } catch (IOException e) {
            keys.add(-1);
        }
    }

    private void plainLines(PoolSource source, PrintWriter out) throws InterruptedException {
        out.println("TIME     " + TopTable.HEADER);
        PoolReading previous = null;
        long next = System.nanoTime();
        for (int refresh = 1; iterations == 0 || refresh <= iterations; refresh++) {
            PoolReading reading = source.read();
            String time = LocalTime.now().format(TIME);
            for (PoolRow row : rows(previous, reading)) {
                out.println(time + " " + TopTable.row(row));
            }
            for (TokenCounterSnapshot counter : reading.tokenCounters()) {
                out.println(time + " " + TopTable.tokenCounter(counter));
            }
            out.flush();
            previous = reading;
            next += interval.toNanos();
            if (iterations == 0 || refresh < iterations) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
        }
    }

    private List<PoolRow> rows(PoolReading previous, PoolReading reading) {
        List<PoolRow> rows = new ArrayList<>();
        for (PoolSnapshot pool : reading.pools()) {
            double rate = Double.NaN;
            if (previous != null) {
                Optional<PoolSnapshot> before = previous.pool(pool.name());
                double seconds = (reading.nanoTime() - previous.nanoTime()) / 1e9;
                if (before.isPresent() && seconds > 0) {
                    rate = Math.max(0, pool.borrowCount() - before.get().borrowCount()) / seconds;
                }
            }
            rows.add(new PoolRow(pool, rate));
        }
        rows.sort(sort.order());
        return rows;
    }
}
