package dev.poolsight.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisCommandRecorderTest {

    enum Command { GET, EVAL }

    private final RedisCommandNames names = new RedisCommandNames();
    private final RedisCommandRecorder recorder = new RedisCommandRecorder(names, Duration.ofSeconds(60), () -> 0L);

    @Test
    void eachCommandIsCountedAndTimedUnderItsOwnName() {
        for (int i = 0; i < 100; i++) {
            recorder.record(names.indexOf(Command.GET), RedisCommandRecorder.OK, 200_000);
        }
        recorder.record(names.indexOf(Command.EVAL), RedisCommandRecorder.OK, 50_000_000);

        List<RedisCommandStats> stats = recorder.snapshot();

        assertThat(stats).extracting(RedisCommandStats::command).containsExactly("EVAL", "GET");
        RedisCommandStats get = stats.get(1);
        assertThat(get.count()).isEqualTo(100);
        assertThat(get.latency().p99Millis()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(0.001));
        assertThat(stats.get(0).latency().maxMillis()).isEqualTo(50.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(get.buckets().totalCount()).isEqualTo(100);
    }

    @Test
    void failuresAreCountedByKindAndTimedWithTheRest() {
        int get = names.indexOf(Command.GET);
        recorder.record(get, RedisCommandRecorder.TIMEOUT, 2_000_000_000L);
        recorder.record(get, RedisCommandRecorder.CONNECTION_ERROR, 1_000);
        recorder.record(get, RedisCommandRecorder.ERROR_REPLY, 1_000);
        recorder.record(get, RedisCommandRecorder.ERROR_REPLY, 1_000);
        recorder.record(get, RedisCommandRecorder.OTHER_ERROR, 1_000);
        recorder.record(get, RedisCommandRecorder.OK, 1_000);

        RedisCommandStats stats = recorder.snapshot().get(0);

        assertThat(stats.count()).isEqualTo(6);
        assertThat(stats.timeouts()).isEqualTo(1);
        assertThat(stats.connectionErrors()).isEqualTo(1);
        assertThat(stats.errorReplies()).isEqualTo(2);
        assertThat(stats.otherErrors()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(5);
        assertThat(stats.latency().maxMillis()).isEqualTo(2000.0, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void commandsOfOtherThreadsAreSeenOnceTheyHaveEnded() throws InterruptedException {
        int get = names.indexOf(Command.GET);
        Thread other = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                recorder.record(get, RedisCommandRecorder.OK, 1_000);
            }
        });
        other.start();
        other.join();

        assertThat(recorder.snapshot().get(0).count()).isEqualTo(1000);
    }

    @Test
    void aPoolThatSentNothingHasNoRows() {
        assertThat(recorder.snapshot()).isEmpty();
    }
}
