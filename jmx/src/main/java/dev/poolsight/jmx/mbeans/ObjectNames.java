package dev.poolsight.jmx.mbeans;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The names of Poolsight's pool MBeans: {@code dev.poolsight:type=Pool,name=<pool>}.
 *
 * <p>A name is used as it is when an ObjectName allows it, so that the common case reads plainly in JConsole's
 * tree ({@code name=redis}). A name with a character that ObjectName reserves ({@code , = : " * ?}, a newline)
 * is quoted with {@link ObjectName#quote}, for example {@code name="redis://127.0.0.1:6379"}; clients get the
 * original back with {@link ObjectName#unquote}. Distinct names give distinct ObjectNames: a quoted value starts
 * with a quote, which no unquoted value may contain, and quoting is reversible.
 */
public final class ObjectNames {

    /** The JMX domain of every Poolsight MBean. */
    public static final String DOMAIN = "dev.poolsight";

    private static final String RESERVED = ",=:\"*?\n\r";

    private ObjectNames() {
    }

    /** The name of the MBean of the pool called {@code poolName}. */
    public static ObjectName pool(String poolName) {
        return of("Pool", poolName);
    }

    /** The name of the MBean of the Redis commands sent over the pool called {@code poolName}. */
    public static ObjectName redisCommands(String poolName) {
        try {
            return new ObjectName(DOMAIN + ":type=RedisCommands,pool=" + value(poolName));
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("pool=\"" + poolName + "\": cannot be part of an ObjectName", e);
        }
    }

    /** {@code name} as an ObjectName property value: as it is when allowed, quoted otherwise. */
    public static String value(String name) {
        if (name.isEmpty()) {
            return ObjectName.quote(name);
        }
        for (int i = 0; i < name.length(); i++) {
            if (RESERVED.indexOf(name.charAt(i)) >= 0) {
                return ObjectName.quote(name);
            }
        }
        return name;
    }

    private static ObjectName of(String type, String name) {
        try {
            return new ObjectName(DOMAIN + ":type=" + type + ",name=" + value(name));
        } catch (MalformedObjectNameException e) {
            // Cannot happen: the domain and type are fixed and the value is quoted whenever it needs to be.
            throw new IllegalArgumentException("name=\"" + name + "\": cannot be part of an ObjectName", e);
        }
    }
}
