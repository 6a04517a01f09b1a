package dev.poolsight.core.tokens;

import dev.poolsight.jmx.mbeans.TokenCounterView;

/**
 * What the asynchronous token counter has done since it started; read by monitoring, never on the append path.
 * Counters only grow. Core's name for the view the {@code dev.poolsight:type=TokenCounter} MBean shows; the
 * methods are {@link TokenCounterView}'s, declared in the jmx module so that the MBean needs no part of core.
 */
public interface TokenCounterStats extends TokenCounterView {
}
