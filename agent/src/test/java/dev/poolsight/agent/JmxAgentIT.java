package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.poolsight.agent.host.JmxWorkloadHost;
import dev.poolsight.testkit.TestRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pool MBean of a child JVM running the agent and a real Redis workload, read through a remote JMX connector. */
class JmxAgentIT {

    private static final TestRedis REDIS = TestRedis.get();

    private HostJvm host;
    private JolokiaHttp jolokia;
    private JMXConnector connector;
    private MBeanServerConnection jmx;
    private ObjectName pool;

    @BeforeEach
    void startHostAndConnect() throws Exception {
        int port = freePort();
        int jolokiaPort = JolokiaHttp.freePort();
        jolokia = JolokiaHttp.loopback(jolokiaPort);
        host = HostJvm.on(HostJvm.JAVA_17)
                .jvmOptions("-Dcom.sun.management.jmxremote.port=" + port,
                        "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                        "-Djava.rmi.server.hostname=127.0.0.1",
                        "-Dcom.sun.management.jmxremote.authenticate=false",
                        "-Dcom.sun.management.jmxremote.ssl=false")
                .withAgent("jolokia=" + jolokiaPort).classPath("jedis7")
                .main("dev.poolsight.agent.host.JmxWorkloadHost", REDIS.host(), REDIS.port()).start();
        host.awaitLine("READY");
        connector = JMXConnectorFactory.connect(
                new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
        jmx = connector.getMBeanServerConnection();
        pool = new ObjectName("dev.poolsight:type=Pool,name=" + ObjectName.quote("redis://" + REDIS.host() + ":" + REDIS.port()));
        await("the Pool MBean").atMost(Duration.ofSeconds(30)).until(() -> jmx.isRegistered(pool));
    }

    @AfterEach
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (host != null) {
            host.send("quit");
            host.finish();
        }
    }

    @Test
    void everyAttributeReadsRemotelyAndMatchesTheWorkload() throws Exception {
        MBeanInfo info = jmx.getMBeanInfo(pool);
        Map<String, Object> values = new java.util.HashMap<>();
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            values.put(attribute.getName(), jmx.getAttribute(pool, attribute.getName()));
            assertThat(attribute.getDescription()).as(attribute.getName()).isNotBlank();
        }

        assertThat(values).containsEntry("BorrowCount", (long) JmxWorkloadHost.BORROWS)
                .containsEntry("ReturnCount", (long) JmxWorkloadHost.BORROWS)
                .containsEntry("InvalidateCount", 0L)
                .containsEntry("ExhaustionCount", 0L)
                .containsEntry("BorrowFailureCount", 0L)
                .containsEntry("MaxTotal", JmxWorkloadHost.MAX_TOTAL)
                .containsEntry("NumActive", 0)
                .containsEntry("LeakSuspectCount", 0);
        assertThat((Double) values.get("Utilization")).isZero();
        assertThat((Double) values.get("PeakUtilization")).isEqualTo(0.25);
        assertThat((Double) values.get("HoldTimeP99Millis")).isGreaterThanOrEqualTo(5.0);
        assertThat((Double) values.get("WaitTimeP50Millis")).isGreaterThanOrEqualTo(0.0).isLessThan(10.0);
        assertThat((Double) values.get("WaitTimeMaxMillis")).isGreaterThanOrEqualTo((Double) values.get("WaitTimeP99Millis"));
        assertThat(values.keySet()).contains("MaxIdle", "NumIdle", "NumWaiters", "WaitTimeMeanMillis",
                "WaitTimeP95Millis", "HoldTimeP50Millis");
        assertThat(info.getOperations()).extracting(MBeanOperationInfo::getName).contains("resetPeaks", "listLeakSuspects");
    }

    @Test
    void jolokiaServesTheSameAttributesOverHttp() throws Exception {
        String mbean = pool.getCanonicalName().replace("\\", "\\\\").replace("\"", "\\\"");
        List<Map<String, Object>> answers = jolokia.post("[{\"type\":\"read\",\"mbean\":\"" + mbean + "\"}]");

        assertThat(JolokiaHttp.status(answers.get(0))).as("%s", answers).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> overHttp = (Map<String, Object>) answers.get(0).get("value");
        for (MBeanAttributeInfo attribute : jmx.getMBeanInfo(pool).getAttributes()) {
            Object overJmx = jmx.getAttribute(pool, attribute.getName());
            Object json = overHttp.get(attribute.getName());
            if (overJmx instanceof Number number) {
                assertThat(((Number) json).doubleValue()).as(attribute.getName()).isEqualTo(number.doubleValue());
            } else {
                assertThat(String.valueOf(json)).as(attribute.getName()).isEqualTo(String.valueOf(overJmx));
            }
        }
        assertThat(((Number) overHttp.get("BorrowCount")).longValue()).isEqualTo(JmxWorkloadHost.BORROWS);
    }

    @Test
    void aJmxClientIsToldWhenThePoolIsExhausted() throws Exception {
        List<Notification> received = new CopyOnWriteArrayList<>();
        jmx.addNotificationListener(pool, (notification, handback) -> received.add(notification), null, null);

        host.send("exhaust");
        String exhausted = host.awaitLine("EXHAUSTED");

        assertThat(exhausted).isEqualTo("EXHAUSTED 3");
        await("the exhaustion notification").atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
        assertThat(received.get(0).getType()).isEqualTo("dev.poolsight.pool.exhausted");
        assertThat(jmx.getAttribute(pool, "ExhaustionCount")).isEqualTo(3L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
