package dev.poolsight.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.cli.source.PoolReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadReadingsAfterWarmUpTest {

    private static PoolReading at(long nanoTime) {
        return new PoolReading(nanoTime, List.of(), List.of(), List.of());
    }

    @Test
    void theAdviceWatchesFromTheFirstReadingAtTheWarmUpsEnd() {
        List<PoolReading> readings = List.of(at(0), at(1_000), at(2_003), at(3_001), at(4_002), at(4_010));

        assertThat(LoadCommand.afterWarmUp(readings, 2_000)).extracting(PoolReading::nanoTime)
                .containsExactly(2_003L, 3_001L, 4_002L, 4_010L);
    }

    @Test
    void aRunWithFewerThanTwoReadingsAfterItsWarmUpIsWatchedWhole() {
        List<PoolReading> readings = List.of(at(0), at(1_000), at(2_003));

        assertThat(LoadCommand.afterWarmUp(readings, 2_000)).isEqualTo(readings);
    }
}
