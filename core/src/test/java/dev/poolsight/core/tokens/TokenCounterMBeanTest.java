package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCounterMBeanTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final List<TokenCounterMBean> registered = new ArrayList<>();

    @AfterEach
    void unregister() {
        registered.forEach(TokenCounterMBean::close);
    }

    private TokenCounterMBean register(String name) {
        TokenCounterMBean mbean = TokenCounterMBean.register(new FixedTokenCounterStats(name), server);
        registered.add(mbean);
        return mbean;
    }

    @Test
    void theNameIsTheOneExportersQueryFor() throws Exception {
        ObjectName name = register("memory").objectName().orElseThrow();

        assertThat(name.toString()).isEqualTo("dev.poolsight:type=TokenCounter,name=memory");
        assertThat(new ObjectName("dev.poolsight:type=TokenCounter,*").apply(name)).isTrue();
    }

    @Test
    void everyAttributeReadsTheCounterUnderItsPublishedName() throws Exception {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Name", "memory");
        expected.put("QueueDepth", 3);
        expected.put("QueueCapacity", 1024);
        expected.put("Workers", 2);
        expected.put("CountedAtOnceCount", 300L);
        expected.put("SubmittedCount", 500L);
        expected.put("CompletedCount", 490L);
        expected.put("FallbackCount", 7L);
        expected.put("ErrorCount", 1L);
        expected.put("CountLatencyMeanMillis", 0.75);
        expected.put("CountLatencyMaxMillis", 12.5);
        ObjectName name = register("memory").objectName().orElseThrow();

        MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();

        assertThat(attributes).extracting(MBeanAttributeInfo::getName)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (MBeanAttributeInfo attribute : attributes) {
            assertThat(server.getAttribute(name, attribute.getName())).as(attribute.getName())
                    .isEqualTo(expected.get(attribute.getName()));
            assertThat(attribute.isWritable()).as(attribute.getName()).isFalse();
        }
    }

    @Test
    void everyAttributeHasADescriptionForJConsole() throws Exception {
        MBeanInfo info = server.getMBeanInfo(register("memory").objectName().orElseThrow());

        assertThat(info.getDescription()).startsWith("The asynchronous token counter");
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(attribute.getDescription()).as(attribute.getName())
                    .isNotBlank()
                    .isNotEqualTo(attribute.getName());
        }
    }

    @Test
    void everyNumericAttributeHasItsUnitInItsDescriptorAndItsDescription() throws Exception {
        Map<String, String> expectedUnits = Map.ofEntries(Map.entry("QueueDepth", "messages"),
                Map.entry("QueueCapacity", "messages"), Map.entry("Workers", "threads"),
                Map.entry("CountedAtOnceCount", "messages"), Map.entry("SubmittedCount", "messages"),
                Map.entry("CompletedCount", "messages"), Map.entry("FallbackCount", "messages"),
                Map.entry("ErrorCount", "messages"), Map.entry("CountLatencyMeanMillis", "milliseconds"),
                Map.entry("CountLatencyMaxMillis", "milliseconds"));
        MBeanInfo info = server.getMBeanInfo(register("memory").objectName().orElseThrow());

        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            Object units = attribute.getDescriptor().getFieldValue("units");
            assertThat(units).as(attribute.getName()).isEqualTo(expectedUnits.get(attribute.getName()));
            if (units != null) {
                assertThat(attribute.getDescription()).as(attribute.getName()).endsWith("(unit: " + units + ")");
            }
        }
    }

    @Test
    void closingUnregistersTheMBeanAndASecondCloseDoesNothing() {
        TokenCounterMBean mbean = register("memory");

        mbean.close();
        mbean.close();

        assertThat(server.isRegistered(TokenCounterMBean.objectName("memory"))).isFalse();
    }

    @Test
    void aSecondCounterOfTheSameNameGetsASuffix() {
        TokenCounterMBean first = register("memory");
        TokenCounterMBean second = register("memory");
        TokenCounterMBean third = register("memory");

        assertThat(first.objectName()).contains(TokenCounterMBean.objectName("memory"));
        assertThat(second.objectName()).contains(TokenCounterMBean.objectName("memory-2"));
        assertThat(third.objectName()).contains(TokenCounterMBean.objectName("memory-3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenant=a", "redis://127.0.0.1:6379", "a,b", "star*", "what?", "", "say \"hi\""})
    void aNameThatNeedsQuotingIsRegisteredQuotedAndComesBackWhole(String counter) throws Exception {
        ObjectName name = register(counter).objectName().orElseThrow();

        assertThat(name.isPattern()).isFalse();
        assertThat(ObjectName.unquote(name.getKeyProperty("name"))).isEqualTo(counter);
        assertThat(server.getAttribute(name, "Name")).isEqualTo(counter);
    }

    @Test
    void aFailedRegistrationIsReportedNotThrown() {
        for (int i = 0; i < 100; i++) {
            register("crowded");
        }

        TokenCounterMBean failed = TokenCounterMBean.register(new FixedTokenCounterStats("crowded"), server);

        assertThat(failed.objectName()).isEmpty();
        assertThatCode(failed::close).doesNotThrowAnyException();
    }

    @Test
    void aMissingArgumentIsNamed() {
        assertThatThrownBy(() -> TokenCounterMBean.register(null, server))
                .isInstanceOf(NullPointerException.class).hasMessage("counter is null");
        assertThatThrownBy(() -> TokenCounterMBean.register(new FixedTokenCounterStats("memory"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("server is null");
    }
}
