package dev.poolsight.core.memory;

import dev.poolsight.core.config.GoDuration;
import dev.poolsight.core.config.RedisSettings;
import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * Waits, with Redis' WAIT on the connection that appended, until {@code REDIS_WAIT_REPLICAS} replicas have the
 * append. WAIT waits at most half the command timeout: the other half leaves its answer time to arrive before the
 * connection's own read timeout would turn a short count into a broken connection.
 */
final class ReplicaAcknowledgement {

    private final int replicas;
    private final long timeoutMillis;
    private final String waited;

    private ReplicaAcknowledgement(int replicas, Duration commandTimeout, String commandTimeoutText) {
        this.replicas = replicas;
        this.timeoutMillis = Math.max(1, commandTimeout.toMillis() / 2);
        this.waited = GoDuration.format(Duration.ofMillis(timeoutMillis)) + " (half of "
                + RedisSettings.REDIS_COMMAND_TIMEOUT + "=" + commandTimeoutText + ")";
    }

    /** The wait the settings ask for, or null when they ask for none. */
    static ReplicaAcknowledgement of(RedisSettings settings) {
        return settings == null || settings.waitReplicas() == 0 ? null
                : new ReplicaAcknowledgement(settings.waitReplicas(), settings.commandTimeout(),
                        settings.commandTimeoutText());
    }

    /** Throws {@link ReplicationNotConfirmedException} unless enough replicas acknowledged this connection's writes. */
    void await(Jedis jedis, String master, String conversationId) {
        long acknowledged = jedis.waitReplicas(replicas, timeoutMillis);
        if (acknowledged < replicas) {
            throw new ReplicationNotConfirmedException(conversationId, master, acknowledged, replicas, waited);
        }
    }
}
