package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.FakeGauges;

import dev.poolsight.jmx.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.Attribute;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads a pool's MBean the way JConsole does: through the RMI connector, with nothing but JDK classes on the
 * client's side of the wire. Server and client stay on the loopback interface, on ports the system picks.
 */
class RemoteJmxTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry =
            new PoolRegistry(new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)), clock);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final PoolMBeans mbeans = PoolMBeans.install(registry, () -> server, Duration.ofSeconds(10), clock,
            Runnable::run);
    /** A field, so that the pool stays reachable: the registry holds it weakly. */
    private final Object pool = new Object();
    private final PoolRecorder recorder =
            registry.register(pool, "redis://127.0.0.1:6379", new FakeGauges(5, 3, 2, 10, 6));
    private final ObjectName name = ObjectNames.pool("redis://127.0.0.1:6379");
    private JMXConnectorServer connectorServer;
    private JMXConnector connector;

    /** Binds the connector's RMI objects to the loopback interface only. */
    private static final class LoopbackServerSockets implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return new ServerSocket(port, 0, InetAddress.getLoopbackAddress());
        }
    }

    /**
     * Connects to the loopback interface whatever host the stub names: the stub carries the host's address as RMI
     * sees it, which need not be loopback. Serializable because it travels inside the stub.
     */
    private static final class LoopbackClientSockets implements RMIClientSocketFactory, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LoopbackClientSockets;
        }

        @Override
        public int hashCode() {
            return LoopbackClientSockets.class.hashCode();
        }
    }

    @BeforeEach
    void connect() throws IOException {
        Map<String, Object> environment = new HashMap<>();
        environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, new LoopbackServerSockets());
        environment.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, new LoopbackClientSockets());
        // No registry and no port: the connector exports on a free port and puts its stub into the address.
        connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1"), environment, server);
        connectorServer.start();
        connector = JMXConnectorFactory.connect(connectorServer.getAddress());
    }

    @AfterEach
    void disconnect() throws IOException {
        try {
            connector.close();
        } finally {
            connectorServer.stop();
            mbeans.close();
        }
    }

    @Test
    void attributesReadRemotelyAreWhatWasRecorded() throws Exception {
        Object held = new Object();
        recorder.borrowSucceeded(held, 1_500_000);
        recorder.borrowSucceeded(new Object(), 250_000);
        clock.advance(Duration.ofMillis(20));
        recorder.returned(held);
        recorder.held(20_000_000);
        recorder.borrowExhausted(3_000_000);
        MBeanServerConnection connection = connector.getMBeanServerConnection();

        List<Attribute> attributes = connection.getAttributes(name, new String[] {
            "Name", "MaxTotal", "NumActive", "NumIdle", "NumWaiters", "Utilization", "BorrowCount", "ReturnCount",
            "ExhaustionCount", "WaitTimeMaxMillis", "HoldTimeP99Millis"}).asList();

        Map<String, Object> read = new HashMap<>();
        attributes.forEach(attribute -> read.put(attribute.getName(), attribute.getValue()));
        assertThat(read).containsEntry("Name", "redis://127.0.0.1:6379")
                .containsEntry("MaxTotal", 10)
                .containsEntry("NumActive", 5)
                .containsEntry("NumIdle", 3)
                .containsEntry("NumWaiters", 2)
                .containsEntry("Utilization", 0.5)
                .containsEntry("BorrowCount", 2L)
                .containsEntry("ReturnCount", 1L)
                .containsEntry("ExhaustionCount", 1L);
        assertThat((double) read.get("WaitTimeMaxMillis")).isCloseTo(3.0, withinPercentage(0.1));
        assertThat((double) read.get("HoldTimeP99Millis")).isCloseTo(20.0, withinPercentage(0.1));
        assertThat(connection.getAttribute(name, "WaitTimeP50Millis"))
                .isEqualTo(recorder.waitTimeSnapshot().p50Millis());
    }

    @Test
    void descriptionsAndLeakSuspectsCrossTheWire() throws Exception {
        recorder.borrowSucceeded(new Object(), 0);
        clock.advance(Duration.ofSeconds(45));
        PoolMXBean proxy = JMX.newMXBeanProxy(connector.getMBeanServerConnection(), name, PoolMXBean.class);

        List<LeakSuspectData> suspects = proxy.listLeakSuspects();

        assertThat(suspects).singleElement().satisfies(suspect -> {
            assertThat(suspect.getHeldForMillis()).isEqualTo(45_000.0);
            assertThat(suspect.getStackTrace()).isNotEmpty();
        });
        assertThat(connector.getMBeanServerConnection().getMBeanInfo(name).getAttributes())
                .allSatisfy(attribute -> assertThat(attribute.getDescription()).isNotBlank());
    }
}
