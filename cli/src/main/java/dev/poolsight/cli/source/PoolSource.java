package dev.poolsight.cli.source;

/** Where the pools of a JVM are read from: its MBean server, directly or over Jolokia. */
public interface PoolSource extends AutoCloseable {

    /** Reads every Poolsight pool and token counter now; a failure to reach the JVM is a {@link TargetException}. */
    PoolReading read();

    /** What is read, for messages, such as {@code JVM 4242} or {@code http://127.0.0.1:8778/jolokia}. */
    String describe();

    @Override
    void close();
}
