package dev.poolsight.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link JedisGetBenchmark} in JVMs started with the agent (run from the repository root). */
@Fork(value = 2, jvmArgsAppend = "-javaagent:agent/target/poolsight-agent.jar=quiet")
public class JedisGetWithAgentBenchmark extends JedisGetBenchmark {
}
