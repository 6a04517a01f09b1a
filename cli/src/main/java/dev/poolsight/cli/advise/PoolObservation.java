package dev.poolsight.cli.advise;

import dev.poolsight.cli.source.PoolReading;
import dev.poolsight.cli.source.PoolSnapshot;
import dev.poolsight.cli.source.RedisCommandsSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pool did over a watched window, from readings taken about once a second: counts over the window, the
 * peak borrow rate of any interval of half a second or more, the gauges at their highest and on average, and the
 * worst wait and hold tails.
 * The first and last readings bound the window for the counts; with readings in between, the gauges come from
 * those only, since the ends may fall where the traffic has not yet started or has already stopped. The pool's
 * Redis commands, when the agent times them, are those sent in the window, slowest median first.
 */
public record PoolObservation(String pool, double seconds, int maxTotal, int maxIdle,
        long borrows, long exhaustions, long borrowFailures, double peakBorrowsPerSecond,
        int peakActive, int peakWaiters, int peakInUse, double meanActive, double meanIdle,
        double waitP99Millis, double waitMaxMillis, double holdMeanMillis, double holdP99Millis,
        List<CommandLatency> commands) {

    /** The shortest interval a peak borrow rate is measured over: half the period of top's, advise's and load's. */
    static final double SHORTEST_RATE_INTERVAL_SECONDS = 0.5;

    /** The observation of {@code pool} in {@code readings}, oldest first; empty when fewer than two readings show it. */
    public static Optional<PoolObservation> of(String pool, List<PoolReading> readings) {
        List<Sample> samples = new ArrayList<>();
        for (PoolReading reading : readings) {
            reading.pool(pool).ifPresent(snapshot -> samples.add(new Sample(reading.nanoTime(), snapshot)));
        }
        if (samples.size() < 2) {
            return Optional.empty();
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        double peakRate = 0;
        int peakActive = 0;
        int peakWaiters = 0;
        int peakInUse = 0;
        double activeSum = 0;
        double idleSum = 0;
        double waitP99 = 0;
        double waitMax = 0;
        double holdP99 = 0;
        int gauged = 0;
        Sample rateFrom = first;
        for (int i = 0; i < samples.size(); i++) {
            PoolSnapshot snapshot = samples.get(i).snapshot();
            if (i > 0) {
                double seconds = (samples.get(i).nanoTime() - rateFrom.nanoTime()) / 1e9;
                // A reading a few milliseconds after the one before (the last one, taken as a run stops) would make a
                // rate of a handful of borrows: it joins the next interval, or is left out when none follows.
                if (seconds >= SHORTEST_RATE_INTERVAL_SECONDS || (i == samples.size() - 1 && rateFrom == first)) {
                    long borrows = snapshot.borrowCount() - rateFrom.snapshot().borrowCount();
                    peakRate = Math.max(peakRate, borrows / seconds);
                    rateFrom = samples.get(i);
                }
            }
            if (samples.size() > 2 && (i == 0 || i == samples.size() - 1)) {
                continue;
            }
            gauged++;
            int active = Math.max(0, snapshot.numActive());
            int waiters = Math.max(0, snapshot.numWaiters());
            peakActive = Math.max(peakActive, active);
            peakWaiters = Math.max(peakWaiters, waiters);
            peakInUse = Math.max(peakInUse, active + waiters);
            activeSum += active;
            idleSum += Math.max(0, snapshot.numIdle());
            waitP99 = max(waitP99, snapshot.waitP99Millis());
            waitMax = max(waitMax, snapshot.waitMaxMillis());
            holdP99 = max(holdP99, snapshot.holdP99Millis());
        }
        PoolSnapshot end = last.snapshot();
        return Optional.of(new PoolObservation(pool, (last.nanoTime() - first.nanoTime()) / 1e9,
                end.maxTotal(), end.maxIdle(),
                end.borrowCount() - first.snapshot().borrowCount(),
                end.exhaustionCount() - first.snapshot().exhaustionCount(),
                end.borrowFailureCount() - first.snapshot().borrowFailureCount(),
                peakRate, peakActive, peakWaiters, peakInUse, activeSum / gauged, idleSum / gauged,
                waitP99, waitMax, Double.isNaN(end.holdMeanMillis()) ? 0 : end.holdMeanMillis(), holdP99,
                commands(pool, readings)));
    }

    /**
     * The commands whose count grew between the first and the last reading, each with the worst median and p99 of the
     * readings in between (or of all, with no reading in between), slowest median first.
     */
    private static List<CommandLatency> commands(String pool, List<PoolReading> readings) {
        List<RedisCommandsSnapshot> snapshots = new ArrayList<>();
        for (PoolReading reading : readings) {
            reading.redisCommands(pool).ifPresent(snapshots::add);
        }
        if (snapshots.size() < 2) {
            return List.of();
        }
        Map<String, Long> countsBefore = new LinkedHashMap<>();
        snapshots.get(0).commands().forEach(command -> countsBefore.put(command.name(), command.count()));
        Map<String, Double> worstP50 = new LinkedHashMap<>();
        Map<String, Double> worstP99 = new LinkedHashMap<>();
        for (int i = 0; i < snapshots.size(); i++) {
            if (snapshots.size() > 2 && (i == 0 || i == snapshots.size() - 1)) {
                continue;
            }
            for (RedisCommandsSnapshot.Command command : snapshots.get(i).commands()) {
                worstP50.merge(command.name(), max(0, command.p50Millis()), Math::max);
                worstP99.merge(command.name(), max(0, command.p99Millis()), Math::max);
            }
        }
        List<CommandLatency> commands = new ArrayList<>();
        for (RedisCommandsSnapshot.Command command : snapshots.get(snapshots.size() - 1).commands()) {
            long sent = command.count() - countsBefore.getOrDefault(command.name(), 0L);
            if (sent > 0) {
                commands.add(new CommandLatency(command.name(), sent, worstP50.getOrDefault(command.name(), 0.0),
                        worstP99.getOrDefault(command.name(), 0.0)));
            }
        }
        commands.sort(Comparator.comparingDouble(CommandLatency::p50Millis).reversed());
        return commands;
    }

    private static double max(double sofar, double value) {
        return Double.isNaN(value) ? sofar : Math.max(sofar, value);
    }

    /** The borrows per second over the whole window. */
    public double meanBorrowsPerSecond() {
        return seconds > 0 ? borrows / seconds : 0;
    }

    private record Sample(long nanoTime, PoolSnapshot snapshot) {
    }
}
