package dev.poolsight.agent.prometheus.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.PoolGauges;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import dev.poolsight.jmx.RedisCommandNames;
import dev.poolsight.jmx.RedisCommandRecorder;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RedisCommandMetricsTest {

    private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);

    enum Command { GET, EVAL }

    private final PoolRegistry pools = new PoolRegistry(RecorderSettings.defaults(), System::nanoTime);
    private final Object pool = new Object();
    private final PoolRecorder recorder = pools.register(pool, "redis://cache:6379", PoolGauges.fixed(0, 0, 0, 8, 8));

    @Test
    void commandTimesAreAHistogramPerPoolAndCommand() {
        RedisCommandRecorder commands = recorder.redisCommands();
        commands.record(RedisCommandNames.global().indexOf(Command.GET), RedisCommandRecorder.OK, MILLI / 5);
        commands.record(RedisCommandNames.global().indexOf(Command.EVAL), RedisCommandRecorder.OK, 50 * MILLI);

        assertThat(scrape()).contains(
                "# TYPE poolsight_redis_command_seconds histogram",
                "poolsight_redis_command_seconds_bucket{command=\"GET\",pool=\"redis://cache:6379\",le=\"2.5E-4\"} 1",
                "poolsight_redis_command_seconds_count{command=\"GET\",pool=\"redis://cache:6379\"} 1",
                "poolsight_redis_command_seconds_bucket{command=\"EVAL\",pool=\"redis://cache:6379\",le=\"0.025\"} 0",
                "poolsight_redis_command_seconds_bucket{command=\"EVAL\",pool=\"redis://cache:6379\",le=\"0.05\"} 1",
                "poolsight_redis_command_seconds_sum{command=\"EVAL\",pool=\"redis://cache:6379\"} 0.05");
    }

    @Test
    void errorsAreCountedByKindWithTheirTotalSuffix() {
        RedisCommandRecorder commands = recorder.redisCommands();
        int get = RedisCommandNames.global().indexOf(Command.GET);
        commands.record(get, RedisCommandRecorder.TIMEOUT, 2_000 * MILLI);
        commands.record(get, RedisCommandRecorder.ERROR_REPLY, MILLI);
        commands.record(get, RedisCommandRecorder.ERROR_REPLY, MILLI);

        assertThat(scrape()).contains(
                "# TYPE poolsight_redis_command_errors_total counter",
                "poolsight_redis_command_errors_total{command=\"GET\",kind=\"timeout\",pool=\"redis://cache:6379\"} 1.0",
                "poolsight_redis_command_errors_total{command=\"GET\",kind=\"error_reply\",pool=\"redis://cache:6379\"} 2.0",
                "poolsight_redis_command_errors_total{command=\"GET\",kind=\"connection\",pool=\"redis://cache:6379\"} 0.0");
    }

    @Test
    void aPoolThatSentNoCommandHasNoCommandSeries() {
        assertThat(scrape()).doesNotContain("poolsight_redis_command_seconds_count{",
                "poolsight_redis_command_errors_total{");
    }

    @Test
    void theOpenMetricsFormatCarriesTheSameSeries() throws IOException {
        recorder.redisCommands().record(RedisCommandNames.global().indexOf(Command.GET), RedisCommandRecorder.OK, MILLI);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        OpenMetricsTextFormatWriter.create().write(out, PoolsightMetricsServer.registry(pools).scrape());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "# TYPE poolsight_redis_command_seconds histogram",
                "# UNIT poolsight_redis_command_seconds seconds",
                "poolsight_redis_command_seconds_count{command=\"GET\",pool=\"redis://cache:6379\"} 1");
    }

    private String scrape() {
        PrometheusRegistry registry = PoolsightMetricsServer.registry(pools);
        return PrometheusTextFormatWriter.create().toDebugString(registry.scrape());
    }
}
