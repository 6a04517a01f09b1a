package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecorderSettingsTest {

    @Test
    void defaultsAreAOneMinuteWindowWithoutLeakDetection() {
        RecorderSettings defaults = RecorderSettings.defaults();

        assertThat(defaults.window()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.leakDetection()).isFalse();
    }

    @Test
    void aMissingLeakThresholdSwitchesLeakDetectionOff() {
        RecorderSettings settings = new RecorderSettings(Duration.ofSeconds(60), null);

        assertThat(settings.leakThreshold()).isEqualTo(Duration.ZERO);
        assertThat(settings.leakDetection()).isFalse();
    }

    @Test
    void aPositiveLeakThresholdSwitchesLeakDetectionOn() {
        assertThat(new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(30)).leakDetection()).isTrue();
    }

    @Test
    void aNegativeLeakThresholdIsRejectedWithItsValue() {
        assertThatThrownBy(() -> new RecorderSettings(Duration.ofSeconds(60), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("leakThreshold=PT-1S: ");
    }

    @Test
    void aWindowOutsideOneMillisecondToOneDayIsRejectedWithItsValue() {
        assertThatThrownBy(() -> new RecorderSettings(Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("window=PT0S: the percentile window must be from 1ms to 1 day, for example 60s");
        assertThatThrownBy(() -> new RecorderSettings(Duration.ofDays(2), null))
                .hasMessageStartingWith("window=PT48H: ");
        assertThatThrownBy(() -> new RecorderSettings(null, null))
                .hasMessageStartingWith("window=null: ");
    }

    @Test
    void theWindowAgesInSixSlices() {
        assertThat(new RecorderSettings(Duration.ofSeconds(60), null).sliceLength()).isEqualTo(Duration.ofSeconds(10));
    }
}
