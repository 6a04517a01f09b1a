package dev.poolsight.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link InMemoryGetBenchmark} with the agent's command timing on, as it is by default. */
@Fork(value = 1, jvmArgsAppend = "-javaagent:agent/target/poolsight-agent.jar=quiet")
public class InMemoryGetTimedBenchmark extends InMemoryGetBenchmark {
}
