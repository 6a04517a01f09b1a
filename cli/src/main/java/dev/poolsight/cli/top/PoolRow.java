package dev.poolsight.cli.top;

import dev.poolsight.cli.source.PoolSnapshot;

/** A pool as top shows it: its snapshot and its borrows per second since the reading before (NaN on the first). */
record PoolRow(PoolSnapshot pool, double borrowsPerSecond) {
}
