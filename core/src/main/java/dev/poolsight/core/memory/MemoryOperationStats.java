package dev.poolsight.core.memory;

/**
 * One operation's figures since the store started, as {@link MemoryOperationTimes#snapshot()} reads them.
 *
 * @param operation  the operation
 * @param count      calls, failed ones included
 * @param errors     calls that threw
 * @param totalNanos the time of all calls together, in nanoseconds
 * @param maxNanos   the longest call, in nanoseconds
 */
public record MemoryOperationStats(MemoryOperation operation, long count, long errors, long totalNanos,
        long maxNanos) {

    /** The mean call in milliseconds, fractions kept; 0 before the first call. */
    public double meanMillis() {
        return count == 0 ? 0 : totalNanos / 1e6 / count;
    }

    /** The longest call in milliseconds. */
    public double maxMillis() {
        return maxNanos / 1e6;
    }
}
