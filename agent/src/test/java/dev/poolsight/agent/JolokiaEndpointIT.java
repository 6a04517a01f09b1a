package dev.poolsight.agent;

import static dev.poolsight.agent.JolokiaHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Where the agent's Jolokia endpoint can be reached, by whom, and what happens to the application when it cannot
 * start: each test in a host JVM of its own, over real HTTP on this machine's own addresses.
 */
class JolokiaEndpointIT {

    private static final String HOST = "dev.poolsight.agent.host.JolokiaHost";

    @Test
    void byDefaultItListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> other = nonLoopbackAddress();
        assumeTrue(other.isPresent(), "this machine has no non-loopback address to try");
        int port = JolokiaHttp.freePort();
        HostJvm host = serving("jolokia=" + port, null);
        try {
            assertThat(status(JolokiaHttp.loopback(port).answer("/version"))).isEqualTo(200);

            assertThatThrownBy(() -> JolokiaHttp.at(urlHost(other.get()), port).get("/version"))
                    .isInstanceOf(ConnectException.class);
        } finally {
            stop(host);
        }
    }

    @Test
    void basicAuthenticationAsksForTheCredentialsWhenSet() throws Exception {
        int port = JolokiaHttp.freePort();
        HostJvm host = serving("jolokia=127.0.0.1:" + port + ",jolokiaUser=ops,jolokiaPassword=s3cret", null);
        try {
            JolokiaHttp jolokia = JolokiaHttp.loopback(port);

            assertThat(jolokia.get("/read/java.lang:type=Memory/HeapMemoryUsage").statusCode()).isEqualTo(401);
            assertThat(jolokia.getAs("ops", "wrong", "/read/java.lang:type=Memory/HeapMemoryUsage").statusCode()).isEqualTo(401);
            var answer = jolokia.getAs("ops", "s3cret", "/read/java.lang:type=Memory/HeapMemoryUsage");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(status(JolokiaHttp.json(answer.body()))).isEqualTo(200);
        } finally {
            HostJvm.Result result = stop(host);
            assertThat(result.stderr()).contains("basic authentication").doesNotContain("s3cret");
        }
    }

    @Test
    void aPortInUseGivesOneWarningAndTheApplicationRunsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("jolokia=" + taken.getLocalPort()).classPath(null)
                    .main(HOST, "work").finish();

            assertThat(result.count("work")).isEqualTo(500_500);
            assertThat(result.stderr().lines().filter(line -> line.contains("Jolokia")))
                    .containsExactly("[poolsight] Jolokia not started: port " + taken.getLocalPort()
                            + " is in use; the application runs on");
        }
    }

    @Test
    void itsThreadsDoNotKeepTheApplicationAlive() throws Exception {
        HostJvm.Result result = HostJvm.on(HostJvm.JAVA_17).withAgent("jolokia=" + JolokiaHttp.freePort()).classPath(null)
                .main(HOST, "work").finish();

        assertThat(result.stderr()).contains("[poolsight] Jolokia at http://127.0.0.1:");
        assertThat(result.count("work")).isEqualTo(500_500);
    }

    @Test
    void aJolokiaOnTheHostsClassPathDoesNotDisturbIt() throws Exception {
        int port = JolokiaHttp.freePort();
        HostJvm host = serving("jolokia=" + port, "jolokia");
        try {
            JolokiaHttp jolokia = JolokiaHttp.loopback(port);

            assertThat(status(jolokia.answer("/read/dev.poolsight:type=JolokiaProbe/Answer"))).isEqualTo(200);
            assertThat(status(jolokia.answer("/exec/dev.poolsight:type=JolokiaProbe/reset"))).isEqualTo(403);
        } finally {
            stop(host);
        }
    }

    private static HostJvm serving(String options, String hostFolder) throws Exception {
        HostJvm host = HostJvm.on(HostJvm.JAVA_17).withAgent(options).classPath(hostFolder).main(HOST, "serve").start();
        host.awaitLine("READY");
        return host;
    }

    private static HostJvm.Result stop(HostJvm host) throws Exception {
        host.send("STOP");
        return host.finish();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String urlHost(InetAddress address) {
        String literal = address.getHostAddress();
        int scope = literal.indexOf('%');
        return address instanceof Inet6Address ? "[" + (scope < 0 ? literal : literal.substring(0, scope)) + "]" : literal;
    }
}
