package dev.poolsight.agent.host;

import java.time.Duration;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Every borrow, return and invalidate overload of GenericObjectPool and GenericKeyedObjectPool, a known number
 * of times each, on pools whose JMX name prefix the application chose.
 */
public final class GenericPoolHost {

    private GenericPoolHost() {
    }

    public static void main(String[] args) throws Exception {
        GenericObjectPoolConfig<StringBuilder> config = new GenericObjectPoolConfig<>();
        config.setJmxNamePrefix("orders-buffers");
        try (GenericObjectPool<StringBuilder> pool = new GenericObjectPool<>(new Buffers(), config);
             GenericKeyedObjectPool<String, StringBuilder> keyed = new GenericKeyedObjectPool<>(new KeyedBuffers())) {
            for (int i = 0; i < 10; i++) {
                pool.returnObject(pool.borrowObject());
                pool.returnObject(pool.borrowObject(1_000L));
                pool.returnObject(pool.borrowObject(Duration.ofSeconds(1)));
                pool.invalidateObject(pool.borrowObject());
                pool.invalidateObject(pool.borrowObject(), DestroyMode.NORMAL);

                keyed.returnObject("a", keyed.borrowObject("a"));
                keyed.returnObject("b", keyed.borrowObject("b", 1_000L));
                keyed.invalidateObject("a", keyed.borrowObject("a"));
                keyed.invalidateObject("b", keyed.borrowObject("b"), DestroyMode.NORMAL);
            }
            HostReport.pools();
        }
    }

    /** Pools of string builders, which cost nothing to make: the pool is what is measured. */
    public static final class Buffers extends BasePooledObjectFactory<StringBuilder> {
        @Override
        public StringBuilder create() {
            return new StringBuilder();
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
            return new DefaultPooledObject<>(buffer);
        }
    }

    private static final class KeyedBuffers extends BaseKeyedPooledObjectFactory<String, StringBuilder> {
        @Override
        public StringBuilder create(String key) {
            return new StringBuilder(key);
        }

        @Override
        public PooledObject<StringBuilder> wrap(StringBuilder buffer) {
            return new DefaultPooledObject<>(buffer);
        }
    }
}
