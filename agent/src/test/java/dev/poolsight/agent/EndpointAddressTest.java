package dev.poolsight.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointAddressTest {

    @Test
    void aPortAloneListensOnLoopback() {
        assertThat(EndpointAddress.parse("prometheus", "9464", 9464)).isEqualTo(new EndpointAddress("127.0.0.1", 9464));
    }

    @Test
    void aHostIsTakenAsWritten() {
        assertThat(EndpointAddress.parse("prometheus", "0.0.0.0:9464", 9464)).isEqualTo(new EndpointAddress("0.0.0.0", 9464));
        assertThat(EndpointAddress.parse("prometheus", "[::1]:9464", 9464)).isEqualTo(new EndpointAddress("::1", 9464));
    }

    @Test
    void aBadValueIsNamedWithItsOptionAndWhatIsAccepted() {
        assertThatThrownBy(() -> EndpointAddress.parse("prometheus", "metrics", 9464))
                .hasMessage("prometheus=metrics: expected [host:]port, for example 9464, 127.0.0.1:9464 or 0.0.0.0:9464");
        assertThatThrownBy(() -> EndpointAddress.parse("prometheus", "::1:9464", 9464))
                .hasMessage("prometheus=::1:9464: an IPv6 address goes in brackets, as in [::1]:9464");
    }
}
