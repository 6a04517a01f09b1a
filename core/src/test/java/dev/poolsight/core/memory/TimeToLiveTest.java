package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

class TimeToLiveTest {

    private final MemoryFixture fixture = new MemoryFixture(s -> s, o -> o.ttl(Duration.ofMinutes(10)));

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void anAppendSetsTheTtlOnEveryKeyOfTheConversation() {
        fixture.memory.append("c1", Message.user("hi"));

        try (Jedis jedis = fixture.jedis()) {
            for (String key : fixture.keys("c1").all()) {
                assertThat(jedis.pttl(key)).as(key).isBetween(1L, Duration.ofMinutes(10).toMillis());
            }
        }
    }

    @Test
    void everyAppendStartsTheTtlAgain() {
        fixture.memory.append("c1", Message.user("first"));
        try (Jedis jedis = fixture.jedis()) {
            for (String key : fixture.keys("c1").all()) {
                jedis.pexpire(key, 5_000);
            }

            fixture.memory.append("c1", Message.user("second"));

            for (String key : fixture.keys("c1").all()) {
                assertThat(jedis.pttl(key)).as(key).isGreaterThan(Duration.ofMinutes(9).toMillis());
            }
        }
    }

    @Test
    void readsLeaveTheTtlAlone() {
        fixture.memory.append("c1", Message.user("first"));
        try (Jedis jedis = fixture.jedis()) {
            String list = fixture.keys("c1").messages();
            jedis.pexpire(list, 5_000);

            fixture.memory.readAll("c1");
            fixture.memory.readLast("c1", 1);

            assertThat(jedis.pttl(list)).isLessThanOrEqualTo(5_000);
        }
    }

    @Test
    void withoutTtlTheKeysDoNotExpire() throws Exception {
        try (MemoryFixture forever = new MemoryFixture()) {
            forever.memory.append("c1", Message.user("hi"));
            try (Jedis jedis = forever.jedis()) {
                assertThat(jedis.pttl(forever.keys("c1").messages())).isEqualTo(-1);
            }
        }
    }
}
