package dev.poolsight.core.tokens;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolsight.core.config.GoDuration;
import dev.poolsight.core.config.RedisSettings;
import dev.poolsight.core.config.TokenCounterSettings;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The token counters and settings name a missing argument, as the store does. */
class TokenArgumentChecksTest {

    private final AsyncTokenCounter counter =
            new AsyncTokenCounter("checks", String::length, String::length, new TokenCounterSettings(1, 4));

    @AfterEach
    void closeCounter() {
        counter.close(Duration.ofSeconds(10));
    }

    private static void missing(ThrowingCallable call, String argument) {
        assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage(argument + " is null");
    }

    @Test
    void theAsynchronousCounterNamesWhatIsMissing() {
        missing(() -> new AsyncTokenCounter(null, String::length, String::length, TokenCounterSettings.defaults()), "name");
        missing(() -> new AsyncTokenCounter("c", null, String::length, TokenCounterSettings.defaults()), "exact");
        missing(() -> new AsyncTokenCounter("c", String::length, null, TokenCounterSettings.defaults()), "estimator");
        missing(() -> new AsyncTokenCounter("c", String::length, String::length, null), "settings");
        missing(() -> counter.estimate(null), "text");
        missing(() -> counter.submit(null, exact -> { }), "text");
        missing(() -> counter.submit("a", null), "onExact");
        missing(() -> counter.close(null), "timeout");
    }

    @Test
    void theCountersNameAMissingText() {
        missing(() -> new TokenEstimator().count(null), "text");
        missing(() -> ExactTokenCounter.forEncoding("o200k_base").count(null), "text");
    }

    @Test
    void settingsFromAMissingEnvironmentAreNamed() {
        missing(() -> ExactTokenCounter.fromEnvironment(null), "environment");
        missing(() -> TokenCounterSettings.fromEnvironment(null), "environment");
        missing(() -> RedisSettings.fromEnvironment(null), "environment");
        missing(() -> GoDuration.format(null), "duration");
    }
}
