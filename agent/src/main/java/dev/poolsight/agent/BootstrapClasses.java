package dev.poolsight.agent;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the classes that woven pools reach (the hooks, the recorders, the few classes of their relocated
 * HdrHistogram they use) to the bootstrap class loader, through Java's internal {@code Unsafe.defineClass}, which
 * {@link AgentEntry} opens to the agent class loader only. The build packs them into one hidden entry, {@value #LIST},
 * each after its superclass and interfaces (see {@code build.BootstrapClassList}); every one is defined now, since the
 * bootstrap class loader cannot come back to the jar for one it lacks.
 */
public final class BootstrapClasses {

    /** The packed classes: a count, then each class's binary name (modified UTF-8), length and bytes. */
    public static final String LIST = AgentClassLoader.HIDDEN + "dev/poolsight/agent/bootstrap-classes.bin";

    private BootstrapClasses() {
    }

    public static void define(JarFile jar) throws ReflectiveOperationException, IOException {
        JarEntry list = jar.getJarEntry(LIST);
        if (list == null) {
            throw new IOException(jar.getName() + " has no " + LIST);
        }
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        try (DataInputStream in = new DataInputStream(jar.getInputStream(list))) {
            for (int count = in.readInt(); count > 0; count--) {
                String name = in.readUTF();
                byte[] classFile = new byte[in.readInt()];
                in.readFully(classFile);
                defineClass.invoke(unsafe, name, classFile, 0, classFile.length, null, null);
            }
        }
    }
}
