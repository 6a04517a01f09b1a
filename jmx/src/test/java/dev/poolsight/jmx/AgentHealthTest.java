package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentHealthTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentHealth health = new AgentHealth(() -> new PrintStream(logged, true, StandardCharsets.UTF_8));

    private String log() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    @Test
    void countsFailuresPerPlaceAndExceptionClass() {
        health.record("record borrow", new IllegalStateException("a"));
        health.record("record borrow", new IllegalStateException("b"));
        health.record("record borrow", new NullPointerException());
        health.record("record return", new IllegalStateException());

        assertThat(health.byKind()).isEqualTo(Map.of(
                "record borrow: java.lang.IllegalStateException", 2L,
                "record borrow: java.lang.NullPointerException", 1L,
                "record return: java.lang.IllegalStateException", 1L));
        assertThat(health.total()).isEqualTo(4);
    }

    @Test
    void logsOnlyTheFirstFailureOfEachKindWithItsStackTrace() {
        health.record("record borrow", new IllegalStateException("first"));
        health.record("record borrow", new IllegalStateException("second"));

        assertThat(log())
                .contains("[poolsight] internal failure in record borrow")
                .contains("java.lang.IllegalStateException: first")
                .contains("at dev.poolsight.jmx.AgentHealthTest.")
                .doesNotContain("second");
    }

    @Test
    void aFailureWithoutAThrowableIsStillCounted() {
        health.record("register pool", null);

        assertThat(health.byKind()).containsEntry("register pool: no exception", 1L);
        assertThat(log()).contains("internal failure in register pool");
    }

    @Test
    void aLogThatCannotBeWrittenNeverEscapes() {
        AgentHealth broken = new AgentHealth(() -> {
            throw new IllegalStateException("stderr is gone");
        });

        assertThatCode(() -> broken.record("record borrow", new RuntimeException())).doesNotThrowAnyException();
    }

    @Test
    void theProcessWideCountsGrowWithEachStaticFailure() {
        long before = AgentHealth.failureCount();

        AgentHealth.failure("AgentHealthTest", new UnsupportedOperationException());

        assertThat(AgentHealth.failureCount()).isEqualTo(before + 1);
        assertThat(AgentHealth.failureCounts()).containsKey("AgentHealthTest: java.lang.UnsupportedOperationException");
    }
}
