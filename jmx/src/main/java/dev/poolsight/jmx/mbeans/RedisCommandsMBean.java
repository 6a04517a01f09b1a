package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.RedisCommandRecorder;
import dev.poolsight.jmx.RedisCommandStats;
import java.util.List;

/** Reads one pool's {@link RedisCommandRecorder} for JMX; each read drains the recorder's buffers, off the pool. */
final class RedisCommandsMBean implements RedisCommandsMXBean {

    private final PoolRecorder pool;
    private final RedisCommandRecorder commands;

    RedisCommandsMBean(PoolRecorder pool) {
        this.pool = pool;
        this.commands = pool.redisCommands();
    }

    @Override
    public String getPool() {
        return pool.name();
    }

    @Override
    public double getWindowSeconds() {
        return pool.window().toNanos() / 1e9;
    }

    @Override
    public long getCommandCount() {
        return commands.snapshot().stream().mapToLong(RedisCommandStats::count).sum();
    }

    @Override
    public long getErrorCount() {
        return commands.snapshot().stream().mapToLong(RedisCommandStats::errors).sum();
    }

    @Override
    public List<RedisCommandData> getCommands() {
        return commands.snapshot().stream().map(RedisCommandData::of).toList();
    }
}
