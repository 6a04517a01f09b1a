package dev.poolsight.agent.host;

import java.sql.Connection;
import java.sql.Statement;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;
import org.apache.commons.dbcp2.BasicDataSource;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A Jedis pool and a Commons DBCP2 pool (on an in-memory H2 database) in one JVM, in an application that uses
 * its own, older Byte Buddy: {@code MixedPoolsHost <redis host> <redis port>}.
 */
public final class MixedPoolsHost {

    private MixedPoolsHost() {
    }

    public static void main(String[] args) throws Exception {
        String greeting = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("host byte buddy works"))
                .make().load(MixedPoolsHost.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded().getDeclaredConstructor().newInstance().toString();
        HostReport.result("hostByteBuddy", greeting);

        try (JedisPool redis = new JedisPool(JedisHost.config(4, java.time.Duration.ofSeconds(5)), args[0],
                Integer.parseInt(args[1]));
             BasicDataSource database = new BasicDataSource()) {
            database.setUrl("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
            database.setMaxTotal(4);
            for (int i = 0; i < 25; i++) {
                try (Jedis jedis = redis.getResource()) {
                    jedis.ping();
                }
            }
            for (int i = 0; i < 15; i++) {
                try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
            }
            HostReport.pools();
        }
    }
}
