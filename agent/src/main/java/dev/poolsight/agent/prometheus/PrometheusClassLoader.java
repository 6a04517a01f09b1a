package dev.poolsight.agent.prometheus;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads the Prometheus client, and the endpoint classes built on it, from the agent jar apart from the rest of the
 * agent, as {@code JolokiaClassLoader} does for Jolokia and for the same reasons: the parent is the platform class
 * loader, which sees the JDK's HTTP server (module jdk.httpserver) where the bootstrap class loader does not, and
 * this loader defines the client's classes itself rather than finding them on the bootstrap class path. The host's
 * class path, and any Prometheus client of the host's own, is not visible from here.
 */
final class PrometheusClassLoader extends URLClassLoader {

    /** The relocated client (see the shade relocations in agent/pom.xml) and the endpoint classes that use it. */
    private static final List<String> OWN_PACKAGES =
            List.of("dev.poolsight.agent.shaded.prometheus.", "dev.poolsight.agent.prometheus.server.");

    static {
        registerAsParallelCapable();
    }

    PrometheusClassLoader(File agentJar) throws MalformedURLException {
        super("poolsight-prometheus", new URL[] {agentJar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
