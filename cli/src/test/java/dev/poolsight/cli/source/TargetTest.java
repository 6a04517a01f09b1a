package dev.poolsight.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aNumberIsAProcessId() {
        assertThat(Target.parse("4242")).hasToString("4242");
    }

    @Test
    void aUrlWithoutAPathGetsJolokiasPath() {
        assertThat(urlOf(Target.parse("http://127.0.0.1:8778"))).isEqualTo("http://127.0.0.1:8778/jolokia");
    }

    @Test
    void aUrlWithAPathKeepsIt() {
        assertThat(urlOf(Target.parse("http://host:8778/custom/jolokia")))
                .isEqualTo("http://host:8778/custom/jolokia");
    }

    @Test
    void aHostAndPortWithoutSchemeIsRefusedWithWhatIsAccepted() {
        assertThatThrownBy(() -> Target.parse("localhost:8778")).hasMessage("TARGET \"localhost:8778\": expected a "
                + "process id such as 4242 or a Jolokia URL such as http://127.0.0.1:8778/jolokia");
    }

    /** The URL a target reads from, as its Jolokia source describes it; opening one sends nothing yet. */
    private static String urlOf(Target target) {
        try (PoolSource source = target.open(Map.of(), null)) {
            return source.describe();
        }
    }
}
