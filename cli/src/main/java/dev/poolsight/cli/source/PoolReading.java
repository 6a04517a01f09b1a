package dev.poolsight.cli.source;

import java.util.List;
import java.util.Optional;

/**
 * Every pool, pool's Redis commands and token counter of one JVM, read together at {@code nanoTime} (this JVM's
 * clock). A pool has no commands when the agent does not time them ({@code redisCommands=false}) or none was sent.
 */
public record PoolReading(long nanoTime, List<PoolSnapshot> pools, List<RedisCommandsSnapshot> redisCommands,
        List<TokenCounterSnapshot> tokenCounters) {

    public Optional<PoolSnapshot> pool(String name) {
        return pools.stream().filter(pool -> pool.name().equals(name)).findFirst();
    }

    public Optional<RedisCommandsSnapshot> redisCommands(String pool) {
        return redisCommands.stream().filter(commands -> commands.pool().equals(pool)).findFirst();
    }
}
