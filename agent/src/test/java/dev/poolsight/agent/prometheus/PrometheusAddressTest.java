package dev.poolsight.agent.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrometheusAddressTest {

    @Test
    void aPortAloneListensOnLoopback() {
        assertThat(PrometheusAddress.parse("9464")).isEqualTo(new PrometheusAddress("127.0.0.1", 9464));
    }

    @Test
    void aHostIsTakenAsWritten() {
        assertThat(PrometheusAddress.parse("0.0.0.0:9464")).isEqualTo(new PrometheusAddress("0.0.0.0", 9464));
        assertThat(PrometheusAddress.parse("[::1]:9464")).isEqualTo(new PrometheusAddress("::1", 9464));
    }

    @Test
    void aBadValueIsNamedWithWhatIsAccepted() {
        assertThatThrownBy(() -> PrometheusAddress.parse("metrics"))
                .hasMessage("prometheus=metrics: expected [host:]port, for example 9464, 127.0.0.1:9464 or 0.0.0.0:9464");
        assertThatThrownBy(() -> PrometheusAddress.parse("70000")).hasMessageStartingWith("prometheus=70000: expected");
        assertThatThrownBy(() -> PrometheusAddress.parse("::1:9464")).hasMessageContaining("in brackets");
    }
}
