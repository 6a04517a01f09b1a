package dev.poolsight.cli.advise;

import java.util.List;

/** What {@link Advisor} says about one pool: what it saw, in one line, and a recommendation per setting. */
public record Advice(PoolObservation observation, String diagnosis, List<Recommendation> recommendations) {
}
