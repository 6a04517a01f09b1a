package dev.poolsight.agent;

import static dev.poolsight.agent.JolokiaHttp.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in read-only policy, over real HTTP, against a host JVM that runs the agent with {@code jolokia=<port>}
 * and has a Poolsight test MBean ({@code dev.poolsight:type=JolokiaProbe}) and one outside the policy
 * ({@code com.example.outside:type=Tripwire}).
 */
class JolokiaPolicyIT {

    private static final String PROBE = "dev.poolsight:type=JolokiaProbe";

    private static HostJvm host;
    private static JolokiaHttp jolokia;

    @BeforeAll
    static void startHost() throws Exception {
        int port = JolokiaHttp.freePort();
        host = HostJvm.on(HostJvm.JAVA_17).withAgent("jolokia=" + port).classPath(null)
                .main("dev.poolsight.agent.host.JolokiaHost", "serve").start();
        host.awaitLine("READY");
        jolokia = JolokiaHttp.loopback(port);
    }

    @AfterAll
    static void stopHost() throws Exception {
        host.send("STOP");
        HostJvm.Result result = host.finish();
        assertThat(result.stderr()).contains("[poolsight] Jolokia at http://127.0.0.1:");
    }

    @Test
    void readsAJavaLangAttribute() throws Exception {
        Map<String, Object> answer = jolokia.answer("/read/java.lang:type=Memory/HeapMemoryUsage");

        assertThat(status(answer)).isEqualTo(200);
        assertThat(value(answer)).containsKeys("used", "committed", "max");
    }

    @Test
    void readsAPoolsightAttribute() throws Exception {
        Map<String, Object> answer = jolokia.answer("/read/" + PROBE + "/Answer");

        assertThat(status(answer)).isEqualTo(200);
        assertThat(((Number) answer.get("value")).intValue()).isEqualTo(42);
    }

    @Test
    void readsAWholeMBeanOfThePolicyWithJolokiasSimplifiedValues() throws Exception {
        Map<String, Object> answer = jolokia.answer("/read/java.lang:type=Memory");

        assertThat(status(answer)).isEqualTo(200);
        assertThat(value(answer)).containsKeys("HeapMemoryUsage", "Verbose")
                .containsEntry("ObjectName", Map.of("objectName", "java.lang:type=Memory"));
    }

    @Test
    void listShowsOnlyTheDomainsOfThePolicy() throws Exception {
        Map<String, Object> answer = jolokia.answer("/list");

        assertThat(status(answer)).isEqualTo(200);
        assertThat(value(answer).keySet()).containsExactlyInAnyOrder("dev.poolsight", "java.lang");
    }

    @Test
    void listOfAnotherDomainIsEmpty() throws Exception {
        Map<String, Object> answer = jolokia.answer("/list/JMImplementation");

        assertThat(value(answer)).isEmpty();
    }

    @Test
    void searchFindsOnlyMBeansOfThePolicy() throws Exception {
        Map<String, Object> answer = jolokia.answer("/search/*:*");

        assertThat(status(answer)).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) answer.get("value");
        assertThat(names).contains(PROBE, "java.lang:type=Memory")
                .allSatisfy(name -> assertThat(name).matches("(dev\\.poolsight|java\\.lang):.*"));
    }

    @Test
    void versionAnswers() throws Exception {
        Map<String, Object> answer = jolokia.answer("/version");

        assertThat(status(answer)).isEqualTo(200);
        assertThat(value(answer)).containsEntry("agent", "2.6.0");
    }

    @Test
    void writeIsRefusedAndTheValueStays() throws Exception {
        assertThat(status(jolokia.answer("/write/" + PROBE + "/Label/changed"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/write/java.lang:type=Memory/Verbose/true"))).isEqualTo(403);

        assertThat(jolokia.answer("/read/" + PROBE + "/Label").get("value")).isEqualTo("initial");
        assertThat(jolokia.answer("/read/java.lang:type=Memory/Verbose").get("value")).isEqualTo(false);
    }

    @Test
    void execIsRefusedAndTheOperationDoesNotRun() throws Exception {
        assertThat(status(jolokia.answer("/exec/" + PROBE + "/reset"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/exec/java.lang:type=Memory/gc"))).isEqualTo(403);

        assertThat(((Number) jolokia.answer("/read/" + PROBE + "/Resets").get("value")).intValue()).isZero();
    }

    @Test
    void readsOutsideThePolicyAreRefusedBeforeAnyGetterRuns() throws Exception {
        assertThat(status(jolokia.answer("/read/java.util.logging:type=Logging/LoggerNames"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/read/JMImplementation:type=MBeanServerDelegate/MBeanServerId"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/read/com.example.outside:type=Tripwire"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/read/com.example.outside:type=Tripwire/Secret"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/read/*:*"))).isEqualTo(403);
        assertThat(status(jolokia.answer("/read/*:type=Tripwire?ignoreErrors=true"))).isEqualTo(403);

        assertThat(((Number) jolokia.answer("/read/" + PROBE + "/OutsideReads").get("value")).intValue()).isZero();
    }

    @Test
    void aBulkPostIsServedRequestByRequestUnderThePolicy() throws Exception {
        List<Map<String, Object>> answers = jolokia.post("""
                [{"type": "read", "mbean": "java.lang:type=Runtime", "attribute": "VmName"},
                 {"type": "exec", "mbean": "dev.poolsight:type=JolokiaProbe", "operation": "reset"},
                 {"type": "read", "mbean": "com.example.outside:type=Tripwire", "attribute": "Secret"}]""");

        assertThat(answers).extracting(JolokiaHttp::status).containsExactly(200, 403, 403);
    }

    @Test
    void aWebPageOfAnotherOriginGetsNoCorsAccess() throws Exception {
        HttpResponse<String> response = jolokia.get("/read/java.lang:type=Runtime/VmName", "Origin", "http://evil.example");

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> value(Map<String, Object> answer) {
        return (Map<String, Object>) answer.get("value");
    }
}
