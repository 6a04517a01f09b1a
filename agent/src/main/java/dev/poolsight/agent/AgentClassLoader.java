package dev.poolsight.agent;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Loads the agent's own code (Byte Buddy, the weaver, the MBeans, Jolokia, the Prometheus endpoint) from the part of
 * the agent jar that no other class loader can see: every such class is in the {@link ClassPack}, every such
 * resource under {@code inst/}. The JVM puts the agent jar on the application's class path, where no class loader
 * looks into a pack, so an application never loads the agent's copy of a library it also uses, and never sees its
 * resources ({@code version.properties} and the like).
 *
 * <p>Its parent is the platform class loader: the agent sees the JDK (the HTTP server of {@code jdk.httpserver}
 * included) and, through the platform loader's delegation to the bootstrap loader, the hooks defined there
 * ({@link BootstrapClasses}), which it shares with the advice woven into the application's pools. It never sees the
 * application's classes.
 */
public final class AgentClassLoader extends ClassLoader {

    /** Where the hidden part of the jar begins. */
    public static final String HIDDEN = "inst/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final ClassPack classes;
    private final URL jarUrl;
    private final ProtectionDomain protectionDomain;
    /** The jar's Implementation-Title and -Version, which the agent's packages carry, as in any jar. */
    private final String title;
    private final String version;

    public AgentClassLoader(JarFile jar, URL jarUrl) throws IOException {
        super("poolsight-agent", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.classes = ClassPack.of(jar);
        this.jarUrl = jarUrl;
        this.protectionDomain = new ProtectionDomain(new CodeSource(jarUrl, (Certificate[]) null), null, this, null);
        Manifest manifest = jar.getManifest();
        Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
        this.title = main.getValue(Attributes.Name.IMPLEMENTATION_TITLE);
        this.version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes;
        try {
            bytes = classes.classFile(name);
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        definePackageOf(name);
        return defineClass(name, bytes, 0, bytes.length, protectionDomain);
    }

    private void definePackageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String packageName = className.substring(0, dot);
            if (getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, title, version, null, null);
                } catch (IllegalArgumentException definedMeanwhile) {
                    // another thread defined it first
                }
            }
        }
    }

    /** A hidden resource. A hidden class has no URL: its bytes are read with {@link #getResourceAsStream}. */
    @Override
    protected URL findResource(String name) {
        String entryName = HIDDEN + withoutLeadingSlash(name);
        if (jar.getJarEntry(entryName) == null) {
            return null;
        }
        try {
            return new URL("jar:" + jarUrl + "!/" + entryName);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL found = findResource(name);
        return found == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(found));
    }

    /**
     * A hidden resource, read straight from the jar without a URL connection's caches; a name ending in
     * {@code .class} is answered with the hidden class file, so that Byte Buddy can read the advice classes' bytes
     * through this loader.
     */
    @Override
    public InputStream getResourceAsStream(String name) {
        String resource = withoutLeadingSlash(name);
        try {
            byte[] bytes = resource.endsWith(".class")
                    ? classes.classFile(resource.substring(0, resource.length() - ".class".length()).replace('/', '.'))
                    : hiddenResource(resource);
            return bytes == null ? super.getResourceAsStream(name) : new ByteArrayInputStream(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private byte[] hiddenResource(String resource) throws IOException {
        JarEntry entry = jar.getJarEntry(HIDDEN + resource);
        if (entry == null) {
            return null;
        }
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String withoutLeadingSlash(String resource) {
        return resource.startsWith("/") ? resource.substring(1) : resource;
    }
}
