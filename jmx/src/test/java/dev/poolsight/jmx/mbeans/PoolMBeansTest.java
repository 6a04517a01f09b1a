package dev.poolsight.jmx.mbeans;

import dev.poolsight.jmx.FakeGauges;

import dev.poolsight.jmx.FakeClock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolsight.jmx.AgentHealth;
import dev.poolsight.jmx.PoolRecorder;
import dev.poolsight.jmx.PoolRegistry;
import dev.poolsight.jmx.RecorderSettings;
import dev.poolsight.jmx.RedisCommandNames;
import dev.poolsight.jmx.RedisCommandRecorder;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PoolMBeansTest {

    private final FakeClock clock = new FakeClock();
    private final PoolRegistry registry = new PoolRegistry(RecorderSettings.defaults(), clock);
    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final FakeGauges gauges = new FakeGauges(0, 0, 0, 8, 8);
    /** Fields, so that the pools stay reachable: the registry holds them weakly. */
    private final Object first = new Object();
    private final Object second = new Object();

    private PoolMBeans mbeans;

    private void install() {
        mbeans = PoolMBeans.install(registry, () -> server, Duration.ofSeconds(10), clock,
                Runnable::run);
    }

    @AfterEach
    void uninstall() {
        if (mbeans != null) {
            mbeans.close();
        }
    }

    @Test
    void aPoolRegisteredAfterInstallGetsItsMBean() throws Exception {
        install();

        registry.register(first, "redis", gauges);

        assertThat(server.isRegistered(ObjectNames.pool("redis"))).isTrue();
        assertThat(server.getAttribute(ObjectNames.pool("redis"), "Name")).isEqualTo("redis");
    }

    @Test
    void poolsRegisteredBeforeInstallGetTheirMBeansToo() {
        registry.register(first, "early", gauges);

        install();

        assertThat(server.isRegistered(ObjectNames.pool("early"))).isTrue();
    }

    @Test
    void unregisteringThePoolUnregistersItsMBean() {
        install();
        PoolRecorder recorder = registry.register(first, "redis", gauges);

        registry.unregister(first);

        assertThat(server.isRegistered(ObjectNames.pool("redis"))).isFalse();
        assertThat(recorder.clearEvents(null)).as("no events hook left behind").isTrue();
    }

    @Test
    void aPoolGetsItsRedisCommandsMBeanAtItsFirstCommandAndLosesItWhenClosed() throws Exception {
        install();
        PoolRecorder recorder = registry.register(first, "redis://127.0.0.1:6379", gauges);
        ObjectName commands = ObjectNames.redisCommands("redis://127.0.0.1:6379");
        assertThat(server.isRegistered(commands)).isFalse();

        recorder.redisCommands().record(RedisCommandNames.global().indexOf(Command.GET), RedisCommandRecorder.OK, 1_000);

        assertThat(commands.getKeyProperty("type")).isEqualTo("RedisCommands");
        assertThat(server.getAttribute(commands, "CommandCount")).isEqualTo(1L);
        assertThat(server.getAttribute(commands, "Pool")).isEqualTo("redis://127.0.0.1:6379");
        registry.unregister(first);
        assertThat(server.isRegistered(commands)).isFalse();
    }

    @Test
    void aPoolThatHadSentCommandsBeforeInstallGetsItsRedisCommandsMBean() {
        PoolRecorder recorder = registry.register(first, "redis", gauges);
        recorder.redisCommands().record(RedisCommandNames.global().indexOf(Command.GET), RedisCommandRecorder.OK, 1_000);

        install();

        assertThat(server.isRegistered(ObjectNames.redisCommands("redis"))).isTrue();
    }

    /** Stands for Jedis' Protocol.Command. */
    enum Command { GET }

    @Test
    void poolsWithReservedCharactersInTheirNamesGetQuotedNames() throws Exception {
        install();
        registry.register(first, "redis://127.0.0.1:6379", gauges);
        registry.register(second, "pool,shard=2", gauges);

        assertThat(server.queryNames(new ObjectName("dev.poolsight:type=Pool,*"), null))
                .containsExactlyInAnyOrder(
                        new ObjectName("dev.poolsight:type=Pool,name=\"redis://127.0.0.1:6379\""),
                        new ObjectName("dev.poolsight:type=Pool,name=\"pool,shard=2\""));
        assertThat(server.getAttribute(ObjectNames.pool("pool,shard=2"), "Name")).isEqualTo("pool,shard=2");
    }

    @Test
    void twoPoolsOfOneNameGetTwoMBeans() {
        install();
        registry.register(first, "redis", gauges);
        registry.register(second, "redis", gauges);

        assertThat(server.isRegistered(ObjectNames.pool("redis"))).isTrue();
        assertThat(server.isRegistered(ObjectNames.pool("redis-2"))).isTrue();
    }

    @Test
    void closeUnregistersEveryMBeanAndStopsFollowingTheRegistry() {
        install();
        registry.register(first, "one", gauges);

        mbeans.close();
        registry.register(second, "two", gauges);

        assertThat(server.isRegistered(ObjectNames.pool("one"))).isFalse();
        assertThat(server.isRegistered(ObjectNames.pool("two"))).isFalse();
    }

    @Test
    void aNameTakenByAnotherMBeanIsCountedNotThrown() throws Exception {
        Runnable other = () -> { };
        server.registerMBean(new StandardMBean(other, Runnable.class, true), ObjectNames.pool("taken"));
        long failuresBefore = AgentHealth.failureCount();

        install();
        PoolRecorder recorder = registry.register(first, "taken", gauges);

        assertThat(recorder).isNotNull();
        assertThat(AgentHealth.failureCount()).isEqualTo(failuresBefore + 1);
        assertThat(AgentHealth.failureCounts())
                .hasEntrySatisfying("register pool MBean: javax.management.InstanceAlreadyExistsException",
                        count -> assertThat(count).isPositive());
    }
}
