package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.FakeGauges;

import dev.poolsight.jmx.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import java.time.Duration;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.NotificationBroadcaster;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MBeanDescriptionsTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry =
            new PoolRegistry(new RecorderSettings(Duration.ofSeconds(90), Duration.ofSeconds(30)), clock);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final PoolMBeans mbeans = PoolMBeans.install(registry, () -> server, Duration.ofSeconds(10), clock,
            Runnable::run);
    private final Object pool = new Object();

    {
        registry.register(pool, "redis", new FakeGauges(0, 0, 0, 8, 8));
    }

    @AfterEach
    void uninstall() {
        mbeans.close();
    }

    private MBeanInfo poolInfo() throws Exception {
        return server.getMBeanInfo(ObjectNames.pool("redis"));
    }

    @Test
    void everyPoolAttributeAndOperationIsDescribed() throws Exception {
        assertDescribed(poolInfo());
    }

    private static void assertDescribed(MBeanInfo info) {
        assertThat(info.getDescription()).isNotBlank().doesNotContain("{");
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertThat(attribute.getDescription()).as(attribute.getName())
                    .isNotBlank()
                    .isNotEqualTo(attribute.getName())
                    .doesNotContain("{", "}");
        }
        for (MBeanOperationInfo operation : info.getOperations()) {
            assertThat(operation.getDescription()).as(operation.getName())
                    .isNotBlank()
                    .isNotEqualTo(operation.getName())
                    .doesNotContain("{", "}");
            assertThat(operation.getImpact()).as(operation.getName()).isNotEqualTo(MBeanOperationInfo.UNKNOWN);
        }
    }

    @Test
    void everyNumericAttributeHasItsUnitInItsDescriptorAndItsDescription() throws Exception {
        for (MBeanAttributeInfo attribute : poolInfo().getAttributes()) {
            if (attribute.getType().equals(String.class.getName())) {
                continue;
            }
            Object units = attribute.getDescriptor().getFieldValue("units");
            assertThat(units).as(attribute.getName()).isInstanceOf(String.class);
            assertThat(attribute.getDescription()).as(attribute.getName()).endsWith("(unit: " + units + ")");
        }
    }

    @Test
    void latencyAttributesAreInMillisecondsAndNameThePoolsWindow() throws Exception {
        MBeanAttributeInfo p99 = attribute(poolInfo(), "WaitTimeP99Millis");

        assertThat(p99.getDescriptor().getFieldValue("units")).isEqualTo("milliseconds");
        assertThat(p99.getDescription()).startsWith("p99 of borrow wait over the last 90 s");
        assertThat(attribute(poolInfo(), "BorrowCount").getDescription()).contains("since start");
    }

    @Test
    void theLeakThresholdIsNamedWhereItMatters() throws Exception {
        assertThat(attribute(poolInfo(), "LeakSuspectCount").getDescription()).contains("(30 s)");
    }

    @Test
    void operationsSayWhetherTheyChangeAnything() throws Exception {
        MBeanOperationInfo[] operations = poolInfo().getOperations();

        assertThat(operations).extracting(MBeanOperationInfo::getName, MBeanOperationInfo::getImpact)
                .containsExactlyInAnyOrder(
                        tuple("resetPeaks", MBeanOperationInfo.ACTION),
                        tuple("listLeakSuspects", MBeanOperationInfo.INFO));
    }

    @Test
    void thePoolListsItsNotificationsForJConsole() throws Exception {
        ObjectName name = ObjectNames.pool("redis");

        MBeanNotificationInfo[] notifications = poolInfo().getNotifications();

        assertThat(server.isInstanceOf(name, NotificationBroadcaster.class.getName())).isTrue();
        assertThat(notifications).flatExtracting(info -> Set.of(info.getNotifTypes()))
                .containsExactlyInAnyOrder(PoolNotifications.EXHAUSTED, PoolNotifications.LEAK);
        assertThat(notifications).allSatisfy(info -> assertThat(info.getDescription()).contains("once per 10 s"));
    }

    private static MBeanAttributeInfo attribute(MBeanInfo info, String name) {
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            if (attribute.getName().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }
}
