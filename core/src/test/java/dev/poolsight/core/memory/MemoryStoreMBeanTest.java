package dev.poolsight.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store times its own operations, and shows them as dev.poolsight:type=MemoryStore when asked to. */
class MemoryStoreMBeanTest {

    private final MemoryFixture fixture = new MemoryFixture();
    private final RedisConversationMemory memory = fixture.memory;
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();

    @AfterEach
    void cleanUp() throws Exception {
        fixture.close();
    }

    @Test
    void eachOperationIsCountedOnceWithItsFailures() throws Exception {
        Message pinned = Message.user("hello").withId("A");
        memory.append("c1", pinned);
        memory.append("c1", Message.assistant("hi"));
        assertThatThrownBy(() -> memory.append("c1", pinned)).isInstanceOf(DuplicateMessageIdException.class);
        memory.readLast("c1", 10);
        memory.readLast("c1", 1);
        memory.readPage("c1", 0, 1);
        memory.readAll("c1");
        memory.messageCount("c1");
        memory.tokenCount("c1");
        memory.clear("c1");

        try (MemoryStoreMBean mbean = MemoryStoreMBean.register("memory", memory.operationTimes(), server)) {
            ObjectName name = mbean.objectName().orElseThrow();
            assertThat(name).isEqualTo(new ObjectName("dev.poolsight:type=MemoryStore,name=memory"));
            Map<String, CompositeData> rows = rows(name);

            assertThat(rows.get("append").get("count")).isEqualTo(3L);
            assertThat(rows.get("append").get("errors")).isEqualTo(1L);
            assertThat(rows.get("read_window").get("count")).isEqualTo(2L);
            assertThat(rows.get("read_page").get("count")).isEqualTo(1L);
            assertThat(rows.get("read_all").get("count")).isEqualTo(1L);
            assertThat(rows.get("count").get("count")).isEqualTo(2L);
            assertThat(rows.get("clear").get("count")).isEqualTo(1L);
            assertThat((double) rows.get("append").get("maxMillis")).isPositive();
            assertThat((double) rows.get("append").get("totalMillis"))
                    .isGreaterThanOrEqualTo((double) rows.get("append").get("maxMillis"));
        }
        assertThat(server.queryNames(new ObjectName("dev.poolsight:type=MemoryStore,*"), null)).isEmpty();
    }

    @Test
    void aSecondStoreOfTheSameNameGetsASuffix() {
        try (MemoryStoreMBean first = MemoryStoreMBean.register("memory", memory.operationTimes(), server);
             MemoryStoreMBean second = MemoryStoreMBean.register("memory", new MemoryOperationTimes(), server)) {
            assertThat(second.objectName().orElseThrow().getKeyProperty("name")).isEqualTo("memory-2");
        }
    }

    private Map<String, CompositeData> rows(ObjectName name) throws Exception {
        CompositeData[] rows = (CompositeData[]) server.getAttribute(name, "Operations");
        return Arrays.stream(rows).collect(Collectors.toMap(row -> (String) row.get("operation"), Function.identity()));
    }
}
