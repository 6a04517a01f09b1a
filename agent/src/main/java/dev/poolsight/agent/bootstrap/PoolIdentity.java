package dev.poolsight.agent.bootstrap;

import dev.poolsight.jmx.PoolGauges;

/**
 * What the agent can tell about a pool object it has never seen: its name, its gauges, whether it is closed, whether
 * it lends a Redis client's connections.
 */
public interface PoolIdentity {

    String nameOf(Object pool);

    boolean lendsRedisConnections(Object pool);

    PoolGauges gaugesOf(Object pool);

    boolean isClosed(Object pool);
}
