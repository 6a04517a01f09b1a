package dev.poolsight.bench;

/**
 * {@link AppendBenchmark} with appends back to back: the asynchronous counter's workers compete with the
 * appending thread and with Redis for the CPU, and when they fall behind, appends keep their estimates (the
 * fallbacks are printed at the end of each trial).
 */
public class AppendSaturatedBenchmark extends AppendBenchmark {

    @Override
    protected boolean pacedByCounter() {
        return false;
    }
}
