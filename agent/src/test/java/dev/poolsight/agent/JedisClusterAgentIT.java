package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.testkit.TestRedisCluster;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Jedis' cluster client in a child JVM with the agent, against a real Redis Cluster of three masters and three
 * replicas: one pool per node the client talks to (the masters: it reads from replicas only when told to), each
 * named after its node, each counting exactly the commands sent to that node.
 */
class JedisClusterAgentIT {

    private static final int GETS = 300;
    private static final int SLOTS = 16384;

    private static final TestRedisCluster CLUSTER = TestRedisCluster.shared();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"JedisCluster", "RedisClusterClient"})
    void everyNodesPoolIsListedUnderItsNodesNameWithExactlyItsBorrowsAndCommands(String client) throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("").classPath("jedis7")
                .main("dev.poolsight.agent.host.JedisClusterHost", client, CLUSTER.clusterNodesVariable(), GETS)
                .finish();

        Map<HostAndPort, Long> expected = expectedBorrows(CLUSTER.initialMasters());
        assertThat(result.count("nodes")).isEqualTo(3);
        assertThat(expected).hasSize(3);
        for (HostAndPort master : CLUSTER.initialMasters()) {
            String pool = "pool[redis://" + master + "].";
            assertThat(result.count(pool + "borrows")).as("borrows from the pool of %s", master)
                    .isEqualTo(expected.get(master));
            assertThat(result.count(pool + "returns")).as("returns to the pool of %s", master)
                    .isEqualTo(expected.get(master));
            assertThat(result.count("commands[redis://" + master + "].GET.count")).as("GETs timed on %s", master)
                    .isEqualTo(expected.get(master));
        }
        assertThat(result.results().keySet()).filteredOn(key -> key.endsWith(".borrows")).hasSize(3);
        assertThat(result.count("agentFailures")).isZero();
    }

    /** TestRedisCluster gives master m of n the slots from 16384 m / n up to 16384 (m + 1) / n. */
    private static Map<HostAndPort, Long> expectedBorrows(List<HostAndPort> masters) {
        Map<HostAndPort, Long> borrows = new HashMap<>();
        for (int i = 0; i < GETS; i++) {
            int slot = JedisClusterCRC16.getSlot("poolsight:cluster:" + i);
            HostAndPort master = masters.get(slot * masters.size() / SLOTS);
            borrows.merge(master, 1L, Long::sum);
        }
        return borrows;
    }
}
