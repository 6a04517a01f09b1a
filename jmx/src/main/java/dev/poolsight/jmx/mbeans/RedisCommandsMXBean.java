package dev.poolsight.jmx.mbeans;

import java.util.List;

/**
 * The Redis commands sent over one pool's connections, under {@code dev.poolsight:type=RedisCommands,pool=<pool>}:
 * one row per command name, which JConsole and VisualVM show as a table. Counts run since the pool was
 * registered; percentiles cover the recorder's window. Times are fractional milliseconds. Only command names are
 * shown, never arguments or keys.
 */
@Description("Redis commands sent over a pool's connections, measured by Poolsight: per command, counts since "
        + "start, errors by kind and latency percentiles over the last {window}")
public interface RedisCommandsMXBean {

    @Description("The pool's name, as its dev.poolsight:type=Pool MBean shows it")
    String getPool();

    @Description("How far back the latency percentiles look")
    @Units("seconds")
    double getWindowSeconds();

    @Description("Every command sent over the pool, failed ones included")
    @Units("commands")
    long getCommandCount();

    @Description("Commands that failed, of every kind")
    @Units("commands")
    long getErrorCount();

    @Description("One row per command name (PIPELINE and TRANSACTION count a pipeline's round trip and a "
            + "transaction's EXEC once each; names beyond the limit count as other): count, errors by kind, "
            + "latency p50, p95, p99 and max in milliseconds over the window")
    List<RedisCommandData> getCommands();
}
