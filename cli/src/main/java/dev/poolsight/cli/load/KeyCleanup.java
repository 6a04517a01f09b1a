package dev.poolsight.cli.load;

import java.net.URI;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Removes a run's keys from a server that is not the run's own, on a connection of its own (not from the pool). */
final class KeyCleanup {

    private KeyCleanup() {
    }

    /** Deletes every key under {@code prefix:}; returns how many it deleted. */
    static long remove(String redisUrl, String prefix) {
        long removed = 0;
        try (Jedis jedis = new Jedis(URI.create(redisUrl))) {
            ScanParams match = new ScanParams().match(prefix + ":*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    removed += jedis.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return removed;
    }
}
