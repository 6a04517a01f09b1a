package dev.poolsight.agent.jolokia;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * Loads Jolokia, and the endpoint classes that use it, from the agent jar apart from the rest of the agent.
 *
 * <p>The agent runs from the bootstrap class loader, which cannot see the JDK's HTTP server: module jdk.httpserver
 * belongs to the platform class loader. This loader has the platform class loader as its parent and defines the
 * Jolokia classes itself rather than asking its parent first, which would find them on the bootstrap class path.
 * Everything else, the JDK and the endpoint's interface types in this package, comes from the parent. The host's
 * class path, and any Jolokia of the host's own, is not visible from here.
 */
final class JolokiaClassLoader extends URLClassLoader {

    /** The relocated Jolokia (see the shade relocations in agent/pom.xml) and the endpoint classes built on it. */
    private static final List<String> OWN_PACKAGES = List.of("dev.poolsight.agent.shaded.jolokia.", "dev.poolsight.agent.jolokia.server.");

    static {
        registerAsParallelCapable();
    }

    JolokiaClassLoader(File agentJar) throws MalformedURLException {
        super("poolsight-jolokia", new URL[] {agentJar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
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
