package dev.poolsight.agent;

import static dev.poolsight.agent.JolokiaHttp.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing Jolokia serves can carry a secret, even to the user who may read it all: the host runs with its Jolokia
 * password on the command line (the worst case: the agent's options are in the JVM's InputArguments) and a secret
 * system property, and every readable attribute of every MBean the endpoint lists is read.
 */
class JolokiaSecretsIT {

    private static final String PASSWORD = "s3cretpw-jolokia";
    private static final String SECRET = "hunter2-system-property";

    private static HostJvm host;
    private static JolokiaHttp jolokia;

    @BeforeAll
    static void startHost() throws Exception {
        int port = JolokiaHttp.freePort();
        host = HostJvm.on(HostJvm.JAVA_17).jvmOptions("-Dpoolsight.test.secret=" + SECRET)
                .withAgent("jolokia=" + port + ",jolokiaUser=ops,jolokiaPassword=" + PASSWORD).classPath(null)
                .main("dev.poolsight.agent.host.JolokiaHost", "serve").start();
        host.awaitLine("READY");
        jolokia = JolokiaHttp.loopback(port).as("ops", PASSWORD);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.send("STOP");
        HostJvm.Result result = host.finish();
        assertThat(result.stderr()).doesNotContain(PASSWORD);
    }

    @Test
    void everyReadableAttributeOfEveryListedMBeanIsFreeOfSecrets() throws Exception {
        List<String> reads = new ArrayList<>();
        listedAttributes().forEach((mbean, attributes) -> attributes.forEach(attribute ->
                reads.add("{\"type\":\"read\",\"mbean\":" + quoted(mbean) + ",\"attribute\":" + quoted(attribute) + "}")));

        String answers = jolokia.postRaw("[" + String.join(",", reads) + "]");

        assertThat(reads).hasSizeGreaterThan(50);
        assertThat(answers).contains("\"status\":200").doesNotContain(PASSWORD).doesNotContain(SECRET);
    }

    @Test
    void wholeMBeanAndPatternReadsAreFreeOfSecrets() throws Exception {
        String answers = jolokia.postRaw("[{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\"},"
                + "{\"type\":\"read\",\"mbean\":\"java.lang:*\",\"config\":{\"ignoreErrors\":true}},"
                + "{\"type\":\"read\",\"mbean\":\"*:*\",\"config\":{\"ignoreErrors\":true}}]");

        assertThat(answers).doesNotContain(PASSWORD).doesNotContain(SECRET);
    }

    @Test
    void inputArgumentsAndSystemPropertiesAreRefused() throws Exception {
        for (String attribute : List.of("InputArguments", "SystemProperties", "ClassPath", "BootClassPath", "LibraryPath")) {
            Map<String, Object> answer = JolokiaHttp.json(
                    jolokia.get("/read/java.lang:type=Runtime/" + attribute).body());

            assertThat(status(answer)).as(attribute).isEqualTo(403);
            assertThat(answer.toString()).doesNotContain(PASSWORD).doesNotContain(SECRET);
        }
    }

    /** Every MBean the endpoint lists, with its attributes. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> listedAttributes() throws Exception {
        Map<String, Object> domains = (Map<String, Object>) jolokia.answer("/list").get("value");
        Map<String, List<String>> attributes = new TreeMap<>();
        domains.forEach((domain, mbeans) -> ((Map<String, Object>) mbeans).forEach((properties, info) -> {
            Map<String, Object> attr = (Map<String, Object>) ((Map<String, Object>) info).get("attr");
            if (attr != null) {
                attributes.put(domain + ":" + properties, new ArrayList<>(attr.keySet()));
            }
        }));
        return attributes;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
