package dev.poolsight.cli.advise;

import static dev.poolsight.cli.advise.Numbers.count;
import static dev.poolsight.cli.advise.Numbers.millis;
import static dev.poolsight.cli.advise.Numbers.oneDecimal;
import static dev.poolsight.cli.advise.Numbers.percent;

import dev.poolsight.core.config.GoDuration;
import dev.poolsight.core.config.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed guide's tuning rules as arithmetic on what a pool did:
 * <ul>
 *   <li>pool size: the peak demand, the larger of Little's law (peak borrows per second times the mean hold time)
 *       and the most connections in use or waited for at once, divided by 70 %, the middle of the 60-80 %
 *       utilization target, so that the pool has headroom at its peak; raised when borrows were exhausted, waits
 *       went over 10 ms or the pool stayed more than 90 % in use, lowered when its peak stayed under 60 %;</li>
 *   <li>idle connections: half the pool (the seed's 50 % rule), but never fewer than are in use on average, so that
 *       steady traffic does not close and reopen connections;</li>
 *   <li>timeout: ten times the observed tail (wait or hold p99, whichever is longer), at least a second, so that
 *       a burst is ridden out and a pool that is truly stuck still fails within seconds.</li>
 * </ul>
 * When the agent times the pool's Redis commands, they tell the two causes of long waits apart (the seed's "check
 * for slow Redis operations"): with fast commands Redis answers quickly, the wait is for connections, and the pool
 * is too small; with a command whose median is over {@value #SLOW_COMMAND_MILLIS} ms, Redis is what keeps the
 * connections busy, a larger pool would only queue more commands at it, and the size is kept with that said. The
 * median rather than the p99, so that a client short of CPU, whose threads wait to run, does not pass for a slow
 * Redis.
 */
public final class Advisor {

    static final double TARGET_UTILIZATION = 0.7;
    static final double LOW_UTILIZATION = 0.6;
    static final double HIGH_UTILIZATION = 0.9;
    static final double WAIT_TARGET_MILLIS = 10;
    /** A Redis command is answered in well under a millisecond; a median of 10 ms is a server busy with slow work. */
    static final double SLOW_COMMAND_MILLIS = 10;
    static final int MIN_POOL_SIZE = 2;
    static final double TIMEOUT_TAIL_FACTOR = 10;
    private static final long[] TIMEOUT_STEPS_MILLIS =
            {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 45_000, 60_000, 120_000, 300_000};

    /**
     * @param currentTimeout the pool's {@code REDIS_POOL_TIMEOUT}, which its MBean does not show; empty when unknown
     */
    public Advice advise(PoolObservation observation, Optional<Duration> currentTimeout) {
        if (observation.borrows() == 0 && observation.exhaustions() == 0) {
            String reason = "no borrows in the " + oneDecimal(observation.seconds()) + " s watched: nothing to size on";
            List<Recommendation> keep = new ArrayList<>();
            keep.add(keep(RedisSettings.REDIS_POOL_SIZE, observation.maxTotal(), reason));
            keep.add(keep(RedisSettings.REDIS_MAX_IDLE_CONNS, observation.maxIdle(), reason));
            currentTimeout.ifPresent(timeout -> keep.add(new Recommendation(RedisSettings.REDIS_POOL_TIMEOUT,
                    GoDuration.format(timeout), GoDuration.format(timeout), true, reason)));
            return new Advice(observation, diagnosis(observation), keep);
        }
        Recommendation size = poolSize(observation);
        int newSize = Integer.parseInt(size.value());
        List<Recommendation> recommendations = new ArrayList<>();
        recommendations.add(size);
        recommendations.add(maxIdle(observation, newSize, size.keep()));
        recommendations.add(timeout(observation, currentTimeout));
        return new Advice(observation, diagnosis(observation), recommendations);
    }

    private static Recommendation poolSize(PoolObservation o) {
        double littleDemand = o.peakBorrowsPerSecond() * o.holdMeanMillis() / 1000;
        String little = "Little's law: " + count(o.peakBorrowsPerSecond()) + " borrows/s at peak x "
                + millis(o.holdMeanMillis()) + " ms mean hold = " + oneDecimal(littleDemand) + " connections busy";
        String atOnce = o.peakActive() + " in use" + (o.peakWaiters() > 0 ? " + " + o.peakWaiters() + " waiting" : "")
                + " at once";
        double demand = Math.max(littleDemand, o.peakInUse());
        // the epsilon keeps 14 / 0.7 at 20, where floating point makes it 20.000000000000004
        int sized = Math.max(MIN_POOL_SIZE, (int) Math.ceil(demand / TARGET_UTILIZATION - 1e-9));
        String sizing = "peak demand " + oneDecimal(demand) + " (" + (o.peakInUse() >= littleDemand ? atOnce + "; " + little
                : little + "; " + atOnce) + ") / " + percent(TARGET_UTILIZATION) + " target utilization = " + sized;
        int current = o.maxTotal();
        if (current <= 0) {
            return new Recommendation(RedisSettings.REDIS_POOL_SIZE, "unlimited", Integer.toString(sized), false,
                    "the pool has no limit; " + sizing);
        }
        double meanUtilization = o.meanActive() / current;
        double peakUtilization = Math.max(o.peakActive(), littleDemand) / current;
        List<String> pressure = new ArrayList<>();
        if (o.exhaustions() > 0) {
            pressure.add(count(o.exhaustions()) + " borrows exhausted the pool (ExhaustionCount)");
        }
        boolean filledUp = o.peakWaiters() > 0 || o.peakActive() >= HIGH_UTILIZATION * current || o.exhaustions() > 0;
        if (o.waitP99Millis() > WAIT_TARGET_MILLIS && filledUp) {
            pressure.add("waits p99 " + millis(o.waitP99Millis()) + " ms, over the " + millis(WAIT_TARGET_MILLIS)
                    + " ms target (WaitTimeP99Millis)");
        }
        if (meanUtilization > HIGH_UTILIZATION) {
            pressure.add(percent(meanUtilization) + " in use on average, over " + percent(HIGH_UTILIZATION)
                    + " (NumActive / MaxTotal)");
        }
        if (!pressure.isEmpty()) {
            Optional<CommandLatency> slow = slowCommand(o);
            if (slow.isPresent()) {
                return keep(RedisSettings.REDIS_POOL_SIZE, current, "the pool is not the problem, Redis is: "
                        + describe(slow.get()) + " (RedisCommands) keeps the connections busy, and a larger pool would "
                        + "only queue more commands at it; make that command faster (SLOWLOG GET shows it) before "
                        + "resizing; " + String.join("; ", pressure));
            }
            int raised = Math.max(sized, current + 1);
            String fastCommands = o.commands().isEmpty() ? "" : "; commands are fast (slowest "
                    + describe(o.commands().get(0)) + "): Redis answers quickly, the wait is for connections, so the "
                    + "pool is too small";
            return new Recommendation(RedisSettings.REDIS_POOL_SIZE, Integer.toString(current), Integer.toString(raised),
                    false, "larger: " + String.join("; ", pressure) + fastCommands + "; " + sizing);
        }
        String slowButNotFull = o.waitP99Millis() > WAIT_TARGET_MILLIS ? "; waits p99 " + millis(o.waitP99Millis())
                + " ms although the pool never filled up: that is connections being opened, not a pool too small"
                : "";
        if (peakUtilization < LOW_UTILIZATION && sized < current) {
            return new Recommendation(RedisSettings.REDIS_POOL_SIZE, Integer.toString(current), Integer.toString(sized),
                    false, "smaller: at most " + percent(peakUtilization) + " in use at peak, under the 60-80 % "
                    + "target; " + sizing + slowButNotFull);
        }
        // What was seen in use, not Little's demand, which at a short peak can exceed a pool that was never short.
        return keep(RedisSettings.REDIS_POOL_SIZE, current, o.peakActive() + " of " + current + " ("
                + percent((double) o.peakActive() / current) + ") in use at peak, no exhaustion, waits p99 "
                + millis(o.waitP99Millis()) + " ms; " + little + slowButNotFull);
    }

    /** The slowest command, when its median is over {@link #SLOW_COMMAND_MILLIS}. */
    private static Optional<CommandLatency> slowCommand(PoolObservation o) {
        return o.commands().stream().findFirst().filter(command -> command.p50Millis() > SLOW_COMMAND_MILLIS);
    }

    private static String describe(CommandLatency command) {
        return command.command() + " p50 " + millis(command.p50Millis()) + " ms, p99 " + millis(command.p99Millis())
                + " ms";
    }

    private static Recommendation maxIdle(PoolObservation o, int poolSize, boolean sizeKept) {
        int half = (int) Math.ceil(poolSize / 2.0);
        int steady = (int) Math.ceil(o.meanActive());
        int idle = Math.min(poolSize, Math.max(half, steady));
        String observed = "in use on average " + oneDecimal(o.meanActive()) + ", idle on average "
                + oneDecimal(o.meanIdle()) + " (NumActive, NumIdle)";
        String rule = steady > half
                ? "the " + steady + " connections in use on average, more than half of REDIS_POOL_SIZE=" + poolSize
                : "50 % of REDIS_POOL_SIZE=" + poolSize + " (the seed's rule)";
        int current = o.maxIdle();
        boolean close = Math.abs(current - idle) <= Math.max(1, idle / 5);
        if (current == idle || (sizeKept && close)) {
            return keep(RedisSettings.REDIS_MAX_IDLE_CONNS, current, "near " + rule + "; " + observed);
        }
        String direction = current > idle ? "fewer idle connections: " : "more idle connections: ";
        return new Recommendation(RedisSettings.REDIS_MAX_IDLE_CONNS, Integer.toString(current), Integer.toString(idle),
                false, direction + rule + "; " + observed);
    }

    private static Recommendation timeout(PoolObservation o, Optional<Duration> current) {
        double tail = Math.max(o.waitP99Millis(), o.holdP99Millis());
        Duration floor = roundUp(Math.max(TIMEOUT_STEPS_MILLIS[0], TIMEOUT_TAIL_FACTOR * tail));
        String basis = "10x the observed tail (wait p99 " + millis(o.waitP99Millis()) + " ms, hold p99 "
                + millis(o.holdP99Millis()) + " ms), at least 1s, is " + GoDuration.format(floor);
        if (current.isEmpty()) {
            return new Recommendation(RedisSettings.REDIS_POOL_TIMEOUT, "?", GoDuration.format(floor), false,
                    basis + "; the pool's current timeout is not visible over JMX (--pool-timeout tells it)");
        }
        String now = GoDuration.format(current.get());
        if (current.get().compareTo(floor) < 0) {
            boolean gaveUp = o.exhaustions() > 0 && o.waitMaxMillis() >= 0.9 * current.get().toNanos() / 1e6;
            String why = gaveUp ? count(o.exhaustions()) + " borrows gave up after the full " + now
                    + " (ExhaustionCount, WaitTimeMaxMillis " + millis(o.waitMaxMillis()) + " ms); " : "";
            return new Recommendation(RedisSettings.REDIS_POOL_TIMEOUT, now, GoDuration.format(floor), false,
                    "longer, to ride out bursts: " + why + basis);
        }
        return new Recommendation(RedisSettings.REDIS_POOL_TIMEOUT, now, now, true, basis + ", and " + now
                + " covers it");
    }

    private static Duration roundUp(double millis) {
        for (long step : TIMEOUT_STEPS_MILLIS) {
            if (millis <= step) {
                return Duration.ofMillis(step);
            }
        }
        return Duration.ofMinutes((long) Math.ceil(millis / 60_000));
    }

    private static Recommendation keep(String variable, int current, String reason) {
        return new Recommendation(variable, Integer.toString(current), Integer.toString(current), true, reason);
    }

    private static String diagnosis(PoolObservation o) {
        return "pool " + o.pool() + ", watched " + oneDecimal(o.seconds()) + " s: " + count(o.borrows()) + " borrows ("
                + count(o.meanBorrowsPerSecond()) + "/s, peak " + count(o.peakBorrowsPerSecond()) + "/s), "
                + count(o.exhaustions()) + " exhausted, " + count(o.borrowFailures()) + " failed; in use at peak "
                + o.peakActive() + " of " + o.maxTotal() + (o.peakWaiters() > 0 ? " with " + o.peakWaiters()
                + " waiting" : "") + "; wait p99 " + millis(o.waitP99Millis()) + " ms, max "
                + millis(o.waitMaxMillis()) + " ms; hold mean " + millis(o.holdMeanMillis()) + " ms, p99 "
                + millis(o.holdP99Millis()) + " ms" + commandsDiagnosis(o);
    }

    private static String commandsDiagnosis(PoolObservation o) {
        if (o.commands().isEmpty()) {
            return "";
        }
        long sent = o.commands().stream().mapToLong(CommandLatency::count).sum();
        return "; " + count(sent) + " Redis commands, " + (slowCommand(o).isPresent() ? "slow: " : "slowest ")
                + describe(o.commands().get(0));
    }
}
