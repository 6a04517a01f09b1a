package dev.poolsight.agent.host;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Jedis and Commons Pool loaded by a child class loader the application makes, as plug-in systems and
 * application servers do: {@code ChildLoaderHost <redis host> <redis port> <jar folder>}.
 */
public final class ChildLoaderHost {

    private ChildLoaderHost() {
    }

    public static void main(String[] args) throws Exception {
        List<URL> jars = new ArrayList<>();
        for (File jar : new File(args[2]).listFiles((dir, name) -> name.endsWith(".jar"))) {
            jars.add(jar.toURI().toURL());
        }
        try (URLClassLoader plugins = new URLClassLoader("plugins", jars.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> poolType = plugins.loadClass("redis.clients.jedis.JedisPool");
            HostReport.result("poolLoader", poolType.getSuperclass().getSuperclass().getClassLoader().getName());
            AutoCloseable pool = (AutoCloseable) poolType.getConstructor(String.class, int.class)
                    .newInstance(args[0], Integer.parseInt(args[1]));
            try (pool) {
                for (int i = 0; i < 50; i++) {
                    AutoCloseable jedis = (AutoCloseable) poolType.getMethod("getResource").invoke(pool);
                    jedis.close();
                }
                HostReport.pools();
            }
        }
    }
}
