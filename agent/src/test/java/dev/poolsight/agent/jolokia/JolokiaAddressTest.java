package dev.poolsight.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JolokiaAddressTest {

    @Test
    void aPortAloneMeansLoopback() {
        assertThat(JolokiaAddress.parse("8778")).isEqualTo(new JolokiaAddress("127.0.0.1", 8778));
    }

    @Test
    void aHostBeforeThePortOverridesLoopback() {
        assertThat(JolokiaAddress.parse("0.0.0.0:8778")).isEqualTo(new JolokiaAddress("0.0.0.0", 8778));
        assertThat(JolokiaAddress.parse("localhost:9000")).isEqualTo(new JolokiaAddress("localhost", 9000));
    }

    @Test
    void anIpv6AddressGoesInBrackets() {
        assertThat(JolokiaAddress.parse("[::1]:8778")).isEqualTo(new JolokiaAddress("::1", 8778));
        assertThatThrownBy(() -> JolokiaAddress.parse("::1:8778"))
                .hasMessage("jolokia=::1:8778: an IPv6 address goes in brackets, as in [::1]:8778");
    }

    @Test
    void portZeroMeansAnyFreePort() {
        assertThat(JolokiaAddress.parse("0").port()).isZero();
    }

    @Test
    void aBadValueIsNamedWithWhatIsAccepted() {
        for (String bad : new String[] {"", "jolokia", "host:", ":8778", "8778x", "65536", "-1"}) {
            assertThatThrownBy(() -> JolokiaAddress.parse(bad)).as(bad)
                    .hasMessage("jolokia=" + bad + ": expected [host:]port, for example 8778, 127.0.0.1:8778 or 0.0.0.0:8778");
        }
    }

    @Test
    void credentialsNeverShowThePassword() {
        assertThat(new JolokiaCredentials("ops", "s3cret").toString()).contains("ops").doesNotContain("s3cret");
    }
}
