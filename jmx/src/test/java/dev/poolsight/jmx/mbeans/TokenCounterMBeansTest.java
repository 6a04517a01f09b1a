package dev.poolsight.jmx.mbeans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class TokenCounterMBeansTest {

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @Test
    void everyAttributeReadsTheCounter() throws Exception {
        Map<String, Object> expected = new HashMap<>();
        expected.put("Name", "memory");
        expected.put("QueueDepth", 3);
        expected.put("QueueCapacity", 1024);
        expected.put("Workers", 2);
        expected.put("SubmittedCount", 500L);
        expected.put("CompletedCount", 490L);
        expected.put("FallbackCount", 7L);
        expected.put("ErrorCount", 1L);
        expected.put("CountLatencyMeanMillis", 0.75);
        expected.put("CountLatencyMaxMillis", 12.5);

        try (Registration registration = TokenCounterMBeans.register(server, new FixedTokenCounter("memory"))) {
            ObjectName name = registration.objectName().orElseThrow();
            MBeanAttributeInfo[] attributes = server.getMBeanInfo(name).getAttributes();

            assertThat(name).isEqualTo(ObjectNames.tokenCounter("memory"));
            assertThat(attributes).extracting(MBeanAttributeInfo::getName)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (MBeanAttributeInfo attribute : attributes) {
                assertThat(server.getAttribute(name, attribute.getName())).as(attribute.getName())
                        .isEqualTo(expected.get(attribute.getName()));
            }
        }
    }

    @Test
    void closingTheRegistrationUnregistersTheMBean() {
        Registration registration = TokenCounterMBeans.register(server, new FixedTokenCounter("memory"));

        registration.close();
        registration.close();

        assertThat(server.isRegistered(ObjectNames.tokenCounter("memory"))).isFalse();
    }

    @Test
    void aSecondCounterOfTheSameNameGetsASuffix() {
        try (Registration first = TokenCounterMBeans.register(server, new FixedTokenCounter("memory"));
                Registration second = TokenCounterMBeans.register(server, new FixedTokenCounter("memory"))) {

            assertThat(first.objectName()).contains(ObjectNames.tokenCounter("memory"));
            assertThat(second.objectName()).contains(ObjectNames.tokenCounter("memory-2"));
        }
    }

    @Test
    void aCounterWhoseNameNeedsQuotingIsRegisteredQuoted() {
        try (Registration registration = TokenCounterMBeans.register(server, new FixedTokenCounter("tenant=a"))) {

            assertThat(registration.objectName()).contains(ObjectNames.tokenCounter("tenant=a"));
            assertThat(server.isRegistered(ObjectNames.tokenCounter("tenant=a"))).isTrue();
        }
    }
}
