package dev.poolsight.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads which of the three topologies the environment configures, and refuses two at once. */
final class TopologyVariables {

    private static final String ONE_OF = "configure exactly one of " + RedisSettings.REDIS_URL + " (one server), "
            + RedisSettings.REDIS_CLUSTER_NODES + " (Redis Cluster) or " + RedisSettings.REDIS_SENTINELS + " with "
            + RedisSettings.REDIS_SENTINEL_MASTER + " (Sentinel)";

    private TopologyVariables() {
    }

    static void apply(Map<String, String> environment, RedisSettings.Builder builder) {
        String url = environment.get(RedisSettings.REDIS_URL);
        String cluster = environment.get(RedisSettings.REDIS_CLUSTER_NODES);
        String sentinels = environment.get(RedisSettings.REDIS_SENTINELS);
        String master = environment.get(RedisSettings.REDIS_SENTINEL_MASTER);
        List<String> set = new ArrayList<>();
        if (url != null) {
            set.add(RedisSettings.REDIS_URL);
        }
        if (cluster != null) {
            set.add(RedisSettings.REDIS_CLUSTER_NODES);
        }
        if (sentinels != null) {
            set.add(RedisSettings.REDIS_SENTINELS);
        }
        if (set.size() > 1) {
            String verb = set.size() == 2 ? " are both set; " : " are all set; ";
            throw InvalidSettingException.conflict(set.get(0), String.join(" and ", set) + verb + ONE_OF);
        }
        if (master != null && sentinels == null) {
            throw new InvalidSettingException(RedisSettings.REDIS_SENTINEL_MASTER, master,
                    "set without " + RedisSettings.REDIS_SENTINELS + "; name the Sentinels that watch this master"
                            + " too, such as REDIS_SENTINELS=10.0.0.1:26379,10.0.0.2:26379");
        }
        if (url != null) {
            builder.url(url);
        } else if (cluster != null) {
            builder.clusterNodes(cluster);
        } else if (sentinels != null) {
            if (master == null) {
                throw new InvalidSettingException(RedisSettings.REDIS_SENTINEL_MASTER, null,
                        "required with " + RedisSettings.REDIS_SENTINELS + "; accepted: the master's name as the"
                                + " Sentinels know it (sentinel monitor <name> ...), such as mymaster");
            }
            builder.sentinels(master, sentinels);
        }
        String user = environment.get(RedisSettings.REDIS_USERNAME);
        String password = environment.get(RedisSettings.REDIS_PASSWORD);
        if (user != null || password != null) {
            builder.credentials(user, password);
        }
    }
}
