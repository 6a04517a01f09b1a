package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The append script's answer to an append sent again after its connection broke: when the first attempt was stored
 * (every id held), nothing is stored twice; when it was not, the retry stores it; when only some ids are held, the
 * ids are someone else's and the retry is refused.
 */
class AppendRetryTest {

    private static final RedisScript APPEND = RedisScript.fromResource("append.lua");

    private final MemoryFixture fixture = new MemoryFixture();
    private final Jedis jedis = fixture.jedis();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    private List<Object> append(boolean retry, String... ids) {
        List<String> args = new ArrayList<>(List.of("0", "0", "0", "1", Integer.toString(ids.length)));
        for (String id : ids) {
            args.addAll(List.of(id, "{\"id\":\"" + id + "\",\"role\":\"user\",\"content\":\"x\",\"ts\":1,\"pinned\":false}",
                    "1", "0"));
        }
        if (retry) {
            args.add("retry");
        }
        List<byte[]> keys = fixture.keys("c1").allEncoded();
        @SuppressWarnings("unchecked")
        List<Object> reply = (List<Object>) APPEND.run(jedis, keys, args.stream().map(SafeEncoder::encode).toList());
        return reply;
    }

    @Test
    void aRetryOfAnAppendThatWasStoredStoresNothingAndReturnsTheCounts() {
        append(false, "a", "b");

        List<Object> reply = append(true, "a", "b");

        assertThat(reply).containsExactly(2L, 2L, 0L);
        assertThat(fixture.memory.readAll("c1")).extracting(Message::id).containsExactly("a", "b");
    }

    @Test
    void aRetryOfAnAppendThatWasNotStoredStoresIt() {
        append(false, "a");

        List<Object> reply = append(true, "b");

        assertThat(reply).containsExactly(2L, 2L, 0L);
        assertThat(fixture.memory.readAll("c1")).extracting(Message::id).containsExactly("a", "b");
    }

    @Test
    void aRetryWhoseIdsAreOnlyPartlyHeldIsRefused() {
        append(false, "a");

        List<Object> reply = append(true, "b", "a");

        assertThat(reply).containsExactly(-1L, 2L);
        assertThat(fixture.memory.messageCount("c1")).isEqualTo(1);
    }
}
