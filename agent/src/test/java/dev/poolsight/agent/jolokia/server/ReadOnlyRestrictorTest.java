package dev.poolsight.agent.jolokia.server;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.Test;

class ReadOnlyRestrictorTest {

    private final ReadOnlyRestrictor policy = new ReadOnlyRestrictor();

    @Test
    void allowsReadListSearchAndVersionOnly() {
        assertThat(RequestType.values()).filteredOn(policy::isTypeAllowed)
                .containsExactlyInAnyOrder(RequestType.READ, RequestType.LIST, RequestType.SEARCH, RequestType.VERSION);
    }

    @Test
    void readsTheDomainsDevPoolsightAndJavaLangOnly() throws Exception {
        assertThat(policy.isAttributeReadAllowed(new ObjectName("dev.poolsight:type=Pool,name=orders"), "BorrowCount")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.util.logging:type=Logging"), "LoggerNames")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("dev.poolsight.other:type=X"), "Y")).isFalse();
    }

    @Test
    void servesOnlyTheJvmAttributesThatMonitoringNeeds() throws Exception {
        ObjectName runtime = new ObjectName("java.lang:type=Runtime");

        assertThat(policy.isAttributeReadAllowed(runtime, "Uptime")).isTrue();
        assertThat(policy.isAttributeReadAllowed(runtime, "VmVersion")).isTrue();
        assertThat(policy.isAttributeReadAllowed(runtime, "InputArguments")).isFalse();
        assertThat(policy.isAttributeReadAllowed(runtime, "SystemProperties")).isFalse();
        assertThat(policy.isAttributeReadAllowed(runtime, "ClassPath")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Threading"), "AllThreadIds")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Future"), "Anything")).isFalse();
    }

    @Test
    void aDomainPatternIsNoneOfTheDomains() throws Exception {
        assertThat(policy.isAttributeReadAllowed(new ObjectName("*:type=Memory"), "HeapMemoryUsage")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.*:*"), null)).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:*"), null)).isTrue();
    }

    @Test
    void neverWritesNorInvokes() throws Exception {
        ObjectName memory = new ObjectName("java.lang:type=Memory");

        assertThat(policy.isAttributeWriteAllowed(memory, "Verbose")).isFalse();
        assertThat(policy.isOperationAllowed(memory, "gc")).isFalse();
    }

    @Test
    void hidesMBeansOutsideTheDomains() throws Exception {
        assertThat(policy.isObjectNameHidden(new ObjectName("JMImplementation:type=MBeanServerDelegate"))).isTrue();
        assertThat(policy.isObjectNameHidden(new ObjectName("jolokia:type=Config"))).isTrue();
        assertThat(policy.isObjectNameHidden(new ObjectName("java.lang:type=Runtime"))).isFalse();
    }

    @Test
    void servesRequestsWithAnOriginButGrantsNoCorsAccess() {
        assertThat(policy.isOriginAllowed("http://evil.example", true)).isTrue();
        assertThat(policy.isOriginAllowed(null, true)).isTrue();
        assertThat(policy.isOriginAllowed("http://evil.example", false)).isFalse();
    }

    @Test
    void acceptsGetAndPostAlike() {
        assertThat(HttpMethod.values()).allMatch(policy::isHttpMethodAllowed);
    }
}
