package dev.poolsight.cli.advise;

/**
 * One Redis command of a pool over a watched window: how many were sent in it and the worst median and p99
 * (milliseconds) the agent showed meanwhile.
 */
public record CommandLatency(String command, long count, double p50Millis, double p99Millis) {
}
