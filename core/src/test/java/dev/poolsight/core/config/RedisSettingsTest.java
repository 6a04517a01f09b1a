package dev.poolsight.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.JedisPoolConfig;

class RedisSettingsTest {

    @Test
    void defaultsMatchTheSeedDocument() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of());

        assertThat(settings.url().server()).isEqualTo("redis://localhost:6379");
        assertThat(settings.poolSize()).isEqualTo(100);
        assertThat(settings.poolTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxIdle()).isEqualTo(50);
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theTimeoutsOfCommandsAndConnectingAreGoDurations() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_COMMAND_TIMEOUT", "250ms", "REDIS_CONNECT_TIMEOUT", "1m"));

        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.commandTimeoutText()).isEqualTo("250ms");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMinutes(1));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"REDIS_COMMAND_TIMEOUT, 0", "REDIS_COMMAND_TIMEOUT, 500us", "REDIS_CONNECT_TIMEOUT, 0s"})
    void aTimeoutThatWouldWaitForeverOrLessThanAMillisecondIsRefused(String variable, String value) {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(variable + "=\"" + value + "\": out of range; accepted: 1ms to 596h (Redis calls never"
                        + " wait forever), such as 2s or 500ms");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "high throughput, 300, 150, 45s, 45",
            "burst traffic,   500, 100, 60s, 60",
            "development,     20,  10,  10s, 10"})
    void theSeedProfilesAreAccepted(String profile, String size, String idle, String timeout, long seconds) {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_POOL_SIZE", size, "REDIS_MAX_IDLE_CONNS", idle, "REDIS_POOL_TIMEOUT", timeout));

        assertThat(settings.poolSize()).isEqualTo(Integer.parseInt(size));
        assertThat(settings.maxIdle()).isEqualTo(Integer.parseInt(idle));
        assertThat(settings.poolTimeout()).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void settingsBecomeTheJedisPoolConfiguration() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_URL", "redis://cache.internal:6380/2",
                "REDIS_POOL_SIZE", "40", "REDIS_MAX_IDLE_CONNS", "20", "REDIS_POOL_TIMEOUT", "1m30s"));

        JedisPoolConfig config = RedisPoolFactory.poolConfig(settings);

        assertThat(config.getMaxTotal()).isEqualTo(40);
        assertThat(config.getMaxIdle()).isEqualTo(20);
        assertThat(config.getMaxWaitDuration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.getBlockWhenExhausted()).isTrue();
        assertThat(config.getJmxEnabled()).isTrue();
        assertThat(config.getJmxNamePrefix()).isEqualTo("poolsight-memory-redis-cache.internal-6380");
    }

    @Test
    void theUrlGivesServerUserPasswordDatabaseAndTls() {
        RedisUrl url = RedisSettings.fromEnvironment(Map.of(
                "REDIS_URL", "rediss://app:s%3Acret@redis.example.com:6390/3")).url();

        assertThat(url.tls()).isTrue();
        assertThat(url.host()).isEqualTo("redis.example.com");
        assertThat(url.port()).isEqualTo(6390);
        assertThat(url.database()).isEqualTo(3);
        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("s:cret");
        assertThat(url.server()).isEqualTo("rediss://redis.example.com:6390");
    }

    @Test
    void aPasswordWithoutUserIsThePassword() {
        RedisUrl url = RedisSettings.fromEnvironment(Map.of("REDIS_URL", "redis://:hunter2@localhost")).url();

        assertThat(url.user()).isEmpty();
        assertThat(url.password()).contains("hunter2");
        assertThat(url.port()).isEqualTo(6379);
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of("REDIS_URL", "redis://app:hunter2@localhost:6379"));

        assertThat(settings.toString()).doesNotContain("hunter2").contains("redis://app:***@localhost:6379/0");
    }

    @Test
    void theBuilderSetsWhatTheEnvironmentWould() {
        RedisSettings built = RedisSettings.builder()
                .url("redis://localhost:6379").poolSize(300).maxIdle(150).poolTimeout("45s").build();

        assertThat(built).isEqualTo(RedisSettings.fromEnvironment(Map.of(
                "REDIS_POOL_SIZE", "300", "REDIS_MAX_IDLE_CONNS", "150", "REDIS_POOL_TIMEOUT", "45s")));
        assertThat(RedisSettings.builder().poolTimeout(Duration.ofMillis(1500)).build().poolTimeoutText())
                .isEqualTo("1500ms");
    }

    @Test
    void aZeroTimeoutMeansFailAtOnce() {
        assertThat(RedisSettings.fromEnvironment(Map.of("REDIS_POOL_TIMEOUT", "0")).poolTimeout()).isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "REDIS_POOL_SIZE      | ''                     | REDIS_POOL_SIZE=\"\": empty; accepted: a whole number from 1 to 2147483647",
            "REDIS_POOL_SIZE      | abc                    | REDIS_POOL_SIZE=\"abc\": not a whole number; accepted: a whole number from 1 to 2147483647",
            "REDIS_POOL_SIZE      | 10.5                   | REDIS_POOL_SIZE=\"10.5\": not a whole number",
            "REDIS_POOL_SIZE      | 0                      | REDIS_POOL_SIZE=\"0\": zero; accepted: a whole number from 1 to 2147483647",
            "REDIS_POOL_SIZE      | -5                     | REDIS_POOL_SIZE=\"-5\": negative; accepted: a whole number from 1",
            "REDIS_POOL_SIZE      | 2147483648             | REDIS_POOL_SIZE=\"2147483648\": too large; accepted: a whole number from 1 to 2147483647",
            "REDIS_POOL_SIZE      | 99999999999999999999   | REDIS_POOL_SIZE=\"99999999999999999999\": too large",
            "REDIS_MAX_IDLE_CONNS | -1                     | REDIS_MAX_IDLE_CONNS=\"-1\": negative; accepted: a whole number from 0",
            "REDIS_MAX_IDLE_CONNS | many                   | REDIS_MAX_IDLE_CONNS=\"many\": not a whole number",
            "REDIS_POOL_TIMEOUT   | ''                     | REDIS_POOL_TIMEOUT=\"\": empty; accepted: a duration such as 30s, 500ms or 1m30s",
            "REDIS_POOL_TIMEOUT   | 30                     | REDIS_POOL_TIMEOUT=\"30\": missing unit in duration \"30\"; a number needs a unit (ns, us, ms, s, m or h)",
            "REDIS_POOL_TIMEOUT   | 30 seconds             | REDIS_POOL_TIMEOUT=\"30 seconds\": unknown unit \" seconds\" in duration \"30 seconds\"",
            "REDIS_POOL_TIMEOUT   | 2d                     | REDIS_POOL_TIMEOUT=\"2d\": unknown unit \"d\" in duration \"2d\"; accepted units are ns, us, µs, ms, s, m and h",
            "REDIS_POOL_TIMEOUT   | -5s                    | REDIS_POOL_TIMEOUT=\"-5s\": negative; accepted: 0 (fail at once) or a positive duration",
            "REDIS_POOL_TIMEOUT   | 3000000h               | REDIS_POOL_TIMEOUT=\"3000000h\": invalid duration \"3000000h\"",
            "REDIS_URL            | ''                     | REDIS_URL=\"\": empty; accepted: redis://[[user]:password@]host[:port][/database]",
            "REDIS_URL            | localhost:6379         | REDIS_URL=\"localhost:6379\": the scheme must be redis or rediss, not localhost",
            "REDIS_URL            | http://localhost       | REDIS_URL=\"http://localhost\": the scheme must be redis or rediss, not http",
            "REDIS_URL            | redis://               | REDIS_URL=\"redis://\": not a URL",
            "REDIS_URL            | redis://host:99999     | REDIS_URL=\"redis://host:99999\": the port must be from 1 to 65535",
            "REDIS_URL            | redis://host/db1       | REDIS_URL=\"redis://host/db1\": the path must be a database number such as /0, not /db1",
            "REDIS_URL            | redis://host?timeout=1 | REDIS_URL=\"redis://host?timeout=1\": query parameters and fragments are not supported"})
    void badValuesNameTheVariableTheValueAndWhatIsAccepted(String variable, String value, String message) {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of(variable, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo(variable));
    }

    @Test
    void moreIdleConnectionsThanThePoolHoldsAreRefused() {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_POOL_SIZE", "20", "REDIS_MAX_IDLE_CONNS", "50")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_MAX_IDLE_CONNS=\"50\": more idle connections than the pool may hold; accepted: 0 to"
                        + " REDIS_POOL_SIZE (20); the seed guide recommends half of it, 10");
    }

    @ParameterizedTest(name = "REDIS_POOL_SIZE={0}")
    @CsvSource({"1, 1", "20, 20", "50, 50", "51, 50", "300, 50"})
    void withoutREDIS_MAX_IDLE_CONNSThePoolKeepsTheSmallerOf50AndItsSize(String size, int idle) {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of("REDIS_POOL_SIZE", size));

        assertThat(settings.maxIdle()).isEqualTo(idle);
    }

    @Test
    void theBuilderAppliesTheIdleDefaultToThePoolSizeSetLast() {
        assertThat(RedisSettings.builder().poolSize(20).build().maxIdle()).isEqualTo(20);
        assertThat(RedisSettings.builder().maxIdle(5).poolSize(20).build().maxIdle()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "redis://app:hunter2@host:notaport",
            "ftp://app:hunter2@host",
            "redis://app:hunter2@host/x",
            "redis://:hunter2@host?a=b",
            "redis://app:hun ter2@host"})
    void aMalformedUrlNeverEchoesThePassword(String url) {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_URL", url)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("REDIS_URL=\"")
                .hasMessageContaining("***@")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("hun ter2");
    }

    @Test
    void theBuilderChecksItsValuesToo() {
        assertThatThrownBy(() -> RedisSettings.builder().poolSize(0))
                .hasMessageStartingWith("REDIS_POOL_SIZE=\"0\": zero");
        assertThatThrownBy(() -> RedisSettings.builder().poolTimeout("forever"))
                .hasMessageStartingWith("REDIS_POOL_TIMEOUT=\"forever\"");
        assertThatThrownBy(() -> RedisSettings.builder().poolTimeout(Duration.ofSeconds(-1)))
                .hasMessageStartingWith("REDIS_POOL_TIMEOUT=\"PT-1S\": negative");
    }
}
