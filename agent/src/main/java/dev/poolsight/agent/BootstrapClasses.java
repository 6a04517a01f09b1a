package dev.poolsight.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the classes that woven pools reach (the hooks, the recorders, their relocated HdrHistogram) to the bootstrap
 * class loader, through Java's internal {@code Unsafe.defineClass}, which {@link AgentEntry} opens to the agent class
 * loader only. Every one is defined now: the bootstrap class loader cannot come back to the jar for one it lacks.
 * A class is defined after its superclass and interfaces, which the JVM resolves as it defines it.
 */
public final class BootstrapClasses {

    /** The jar's entries that belong to the bootstrap class loader. */
    static final List<String> PREFIXES = List.of("dev/poolsight/agent/bootstrap/", "dev/poolsight/agent/shaded/hdrhistogram/");

    private BootstrapClasses() {
    }

    public static void define(JarFile jar) throws ReflectiveOperationException, IOException {
        Map<String, byte[]> pending = classes(jar);
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (Iterator<Map.Entry<String, byte[]>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, byte[]> type = it.next();
                try {
                    defineClass.invoke(unsafe, type.getKey(), type.getValue(), 0, type.getValue().length, null, null);
                    it.remove();
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof NoClassDefFoundError)) {
                        throw e;
                    }
                    // Its superclass or an interface is still to come: the next round defines it.
                }
            }
            if (pending.size() == before) {
                throw new IllegalStateException("cannot define " + pending.keySet() + " to the bootstrap class loader");
            }
        }
    }

    private static Map<String, byte[]> classes(JarFile jar) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.endsWith(".class") && PREFIXES.stream().anyMatch(name::startsWith)) {
                try (InputStream in = jar.getInputStream(entry)) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
                }
            }
        }
        return classes;
    }
}
