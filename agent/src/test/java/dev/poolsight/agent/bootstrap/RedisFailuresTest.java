package dev.poolsight.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.RedisCommandRecorder;
import java.io.IOException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

class RedisFailuresTest {

    @Test
    void noExceptionIsSuccess() {
        assertThat(RedisFailures.outcome(null)).isEqualTo(RedisCommandRecorder.OK);
    }

    @Test
    void anErrorReplyAndItsSubclassesAreErrorReplies() {
        assertThat(RedisFailures.outcome(new JedisDataException("WRONGTYPE"))).isEqualTo(RedisCommandRecorder.ERROR_REPLY);
        assertThat(RedisFailures.outcome(new JedisBusyException("BUSY"))).isEqualTo(RedisCommandRecorder.ERROR_REPLY);
    }

    @Test
    void aConnectionExceptionCausedByASocketTimeoutIsATimeout() {
        JedisConnectionException thrown = new JedisConnectionException(new SocketTimeoutException("Read timed out"));

        assertThat(RedisFailures.outcome(thrown)).isEqualTo(RedisCommandRecorder.TIMEOUT);
    }

    @Test
    void anyOtherConnectionExceptionIsAConnectionError() {
        JedisConnectionException thrown = new JedisConnectionException(new IOException("Unexpected end of stream."));

        assertThat(RedisFailures.outcome(thrown)).isEqualTo(RedisCommandRecorder.CONNECTION_ERROR);
    }

    @Test
    void anythingElseIsAnotherError() {
        assertThat(RedisFailures.outcome(new JedisException("pool closed"))).isEqualTo(RedisCommandRecorder.OTHER_ERROR);
        assertThat(RedisFailures.outcome(new IllegalStateException())).isEqualTo(RedisCommandRecorder.OTHER_ERROR);
    }
}
