package dev.poolsight.cli.load;

import dev.poolsight.core.config.TokenCounterSettings;
import dev.poolsight.core.memory.MemoryOptions;
import dev.poolsight.core.tokens.AsyncTokenCounter;
import dev.poolsight.core.tokens.DrainReport;
import dev.poolsight.core.tokens.ExactTokenCounter;
import dev.poolsight.core.tokens.TokenCounterMBean;
import dev.poolsight.core.tokens.TokenEstimator;
import java.time.Duration;
import java.util.Map;

/**
 * The run's exact token counting, as an application would set it up: an asynchronous counter configured by the
 * environment and registered as an MBean for those who watch the run (JConsole, top, Jolokia). With
 * --estimates-only there is none, and the encoding is not even loaded.
 */
final class TokenCounting {

    private static final Duration DRAIN = Duration.ofSeconds(10);

    private final AsyncTokenCounter counter;
    private final TokenCounterMBean mbean;
    private DrainReport drained;

    private TokenCounting(AsyncTokenCounter counter) {
        this.counter = counter;
        this.mbean = counter == null ? null : TokenCounterMBean.register(counter);
    }

    static TokenCounting fromEnvironment(Map<String, String> environment) {
        return new TokenCounting(new AsyncTokenCounter("poolsight-load", ExactTokenCounter.fromEnvironment(environment),
                new TokenEstimator(), TokenCounterSettings.fromEnvironment(environment)));
    }

    static TokenCounting estimatesOnly() {
        return new TokenCounting(null);
    }

    MemoryOptions.Builder configure(MemoryOptions.Builder options) {
        return counter == null ? options : options.asyncTokenCounter(counter);
    }

    int queueDepth() {
        return counter == null ? 0 : counter.queueDepth();
    }

    /** Lets the workers finish what is queued (the counts of each batch applied with one more borrow), within 10 s. */
    void drain() {
        if (counter != null) {
            mbean.close();
            drained = counter.close(DRAIN);
        }
    }

    /** What became of the texts, after {@link #drain()}; null without a counter. */
    LoadReport.TokenCounter report(int peakQueueDepth) {
        return counter == null ? null : new LoadReport.TokenCounter(counter.countedAtOnce(), counter.submitted(),
                counter.completed(), counter.fallbacks(), counter.errors(), peakQueueDepth, counter.queueCapacity(),
                drained.unfinished());
    }
}
