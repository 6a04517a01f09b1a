package dev.poolsight.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.HostAndPort;

class RedisTopologySettingsTest {

    private static final String NODES_ACCEPTED = "accepted: host:port pairs separated by commas, such as"
            + " 10.0.0.1:6379,10.0.0.2:6379 ([::1]:6379 for an IPv6 address)";

    @Test
    void withoutTopologyVariablesTheStoreTalksToTheServerOfRedisUrl() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of("REDIS_URL", "redis://cache:6380"));

        assertThat(settings.topology()).isEqualTo(new RedisTopology.Standalone(settings.url()));
        assertThat(settings.waitReplicas()).isZero();
    }

    @Test
    void clusterNodesAreTheSeedsOfARedisCluster() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_CLUSTER_NODES", "10.0.0.1:7000, 10.0.0.2:7001,[::1]:7002"));

        assertThat(settings.topology()).isEqualTo(new RedisTopology.Cluster(List.of(
                new HostAndPort("10.0.0.1", 7000), new HostAndPort("10.0.0.2", 7001), new HostAndPort("::1", 7002))));
        assertThat(settings.topology().describe())
                .isEqualTo("Redis Cluster (seed nodes 10.0.0.1:7000,10.0.0.2:7001,[::1]:7002)");
    }

    @Test
    void sentinelsAndTheMasterNameMakeASentinelTopology() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_SENTINELS", "s1:26379,s2:26379", "REDIS_SENTINEL_MASTER", "mymaster"));

        assertThat(settings.topology()).isEqualTo(new RedisTopology.Sentinel("mymaster",
                List.of(new HostAndPort("s1", 26379), new HostAndPort("s2", 26379))));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''| empty",
            "a:1,,b:2| an empty entry between commas",
            "cache| \"cache\" has no port",
            "cache:| \"cache:\" has no port",
            "cache:0| \"cache:0\": the port must be a number from 1 to 65535",
            "cache:70000| \"cache:70000\": the port must be a number from 1 to 65535",
            "cache:http| \"cache:http\": the port must be a number from 1 to 65535",
            "::1:6379| \"::1:6379\": an IPv6 address needs brackets, such as [::1]:6379",
            "a:1,a:1| a:1 is listed twice"})
    void aBadNodeListIsRefusedNamingTheVariableTheValueAndTheFormat(String value, String problem) {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_CLUSTER_NODES", value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_CLUSTER_NODES=\"" + value + "\": " + problem + "; " + NODES_ACCEPTED);
    }

    @Test
    void twoTopologiesAreRefusedNamingBothWithoutTheirValues() {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of(
                "REDIS_URL", "redis://app:s3cret@cache:6379", "REDIS_CLUSTER_NODES", "a:1")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_URL and REDIS_CLUSTER_NODES are both set; configure exactly one of REDIS_URL (one"
                        + " server), REDIS_CLUSTER_NODES (Redis Cluster) or REDIS_SENTINELS with REDIS_SENTINEL_MASTER"
                        + " (Sentinel)")
                .satisfies(e -> assertThat(((InvalidSettingException) e).setting()).isEqualTo("REDIS_URL"));
    }

    @Test
    void sentinelsWithoutAMasterNameAreRefused() {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_SENTINELS", "s1:26379")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_SENTINEL_MASTER=(not set): required with REDIS_SENTINELS; accepted: the master's"
                        + " name as the Sentinels know it (sentinel monitor <name> ...), such as mymaster");
    }

    @Test
    void aMasterNameWithoutSentinelsIsRefused() {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_SENTINEL_MASTER", "mymaster")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("REDIS_SENTINEL_MASTER=\"mymaster\": set without REDIS_SENTINELS;");
    }

    @Test
    void theClusterLoginComesFromItsOwnVariablesAndNeverShows() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of(
                "REDIS_CLUSTER_NODES", "a:1", "REDIS_USERNAME", "app", "REDIS_PASSWORD", "s3cret"));

        assertThat(settings.user()).contains("app");
        assertThat(settings.password()).contains("s3cret");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordForOneServerBelongsInItsUrlAndIsNotRepeatedInTheError() {
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_PASSWORD", "s3cret")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_PASSWORD=\"***\": applies to REDIS_CLUSTER_NODES and REDIS_SENTINELS; one server"
                        + " takes its login from REDIS_URL, redis://user:password@host:port");
    }

    @Test
    void waitReplicasIsAWholeNumberFromZero() {
        assertThat(RedisSettings.fromEnvironment(Map.of("REDIS_WAIT_REPLICAS", "2")).waitReplicas()).isEqualTo(2);
        assertThatThrownBy(() -> RedisSettings.fromEnvironment(Map.of("REDIS_WAIT_REPLICAS", "-1")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("REDIS_WAIT_REPLICAS=\"-1\": negative; accepted: a whole number from 0 to 2147483647");
    }

    @Test
    void eachClusterNodesPoolIsSizedByThePoolVariables() {
        RedisSettings settings = RedisSettings.fromEnvironment(Map.of("REDIS_CLUSTER_NODES", "a:1",
                "REDIS_POOL_SIZE", "12", "REDIS_MAX_IDLE_CONNS", "6", "REDIS_POOL_TIMEOUT", "250ms"));

        var config = RedisPoolFactory.clusterNodePoolConfig(settings);

        assertThat(config.getMaxTotal()).isEqualTo(12);
        assertThat(config.getMaxIdle()).isEqualTo(6);
        assertThat(config.getMaxWaitDuration()).hasMillis(250);
    }
}
