package dev.poolsight.cli.source;

import java.util.List;
import java.util.Optional;

/** Every pool and token counter of one JVM, read together at {@code nanoTime} (this JVM's clock). */
public record PoolReading(long nanoTime, List<PoolSnapshot> pools, List<TokenCounterSnapshot> tokenCounters) {

    public Optional<PoolSnapshot> pool(String name) {
        return pools.stream().filter(pool -> pool.name().equals(name)).findFirst();
    }
}
