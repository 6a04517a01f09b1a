package dev.poolsight.agent.jolokia.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jolokia.converter.json.simplifier.ClassSimplifier;
import org.jolokia.converter.json.simplifier.DomElementSimplifier;
import org.jolokia.converter.json.simplifier.FileSimplifier;
import org.jolokia.converter.json.simplifier.InetAddressSimplifier;
import org.jolokia.converter.json.simplifier.ModuleSimplifier;
import org.jolokia.converter.json.simplifier.ObjectNameSimplifier;
import org.jolokia.converter.json.simplifier.PackageSimplifier;
import org.jolokia.converter.json.simplifier.UrlSimplifier;
import org.jolokia.service.jmx.LocalRequestHandler;
import org.jolokia.service.jmx.handler.ExecHandler;
import org.jolokia.service.jmx.handler.ListHandler;
import org.jolokia.service.jmx.handler.SearchHandler;
import org.jolokia.service.jmx.handler.WriteHandler;
import org.jolokia.service.jmx.handler.list.JDKManagementCacheKeyProvider;
import org.jolokia.service.serializer.JolokiaSerializer;

/**
 * The descriptor files through which Jolokia finds its services, command handlers and JSON simplifiers
 * ({@code META-INF/jolokia/*}), written for the relocated classes and visible only to the endpoint's start-up.
 *
 * <p>Jolokia's own descriptors name its classes in plain text, which shading does not relocate, so the agent jar
 * leaves them out. These are written from class literals, which the shade plugin relocates with the classes, into a
 * temporary directory that a class loader of their own serves while Jolokia starts; Jolokia reads them only then,
 * and {@link #close()} deletes them. Descriptors of a Jolokia on the host's class path are not visible to it.
 */
final class JolokiaDescriptors implements AutoCloseable {

    /** Jolokia 2.6's defaults, less what a read-only endpoint must not have. */
    private static final Map<String, List<Class<?>>> DESCRIPTORS = Map.of(
            // Requests go to the local MBean servers only: no JSR-160 proxy, history, discovery or notifications.
            "services-default", List.of(LocalRequestHandler.class, JDKManagementCacheKeyProvider.class, JolokiaSerializer.class),
            // Reads go through PolicyReadHandler. Write and exec stay so that the policy answers them with 403 rather
            // than "unsupported"; the notification handler does not, as it asks the policy nothing.
            "command-handlers", List.of(PolicyReadHandler.class, ListHandler.class, SearchHandler.class, WriteHandler.class,
                    ExecHandler.class),
            "simplifiers-default", List.of(ClassSimplifier.class, DomElementSimplifier.class, InetAddressSimplifier.class,
                    FileSimplifier.class, ModuleSimplifier.class, ObjectNameSimplifier.class, PackageSimplifier.class,
                    UrlSimplifier.class));

    /** The order of a service, where Jolokia's descriptors give one (a constructor taking an int receives it). */
    private static final Map<Class<?>, Integer> ORDER = Map.of(LocalRequestHandler.class, 1000,
            JDKManagementCacheKeyProvider.class, 100, JolokiaSerializer.class, 10);

    private final Path directory;
    private final ClassLoader classLoader;

    private JolokiaDescriptors(Path directory, ClassLoader classLoader) {
        this.directory = directory;
        this.classLoader = classLoader;
    }

    static JolokiaDescriptors write() throws IOException {
        Path directory = Files.createTempDirectory("poolsight-jolokia");
        Path descriptors = Files.createDirectories(directory.resolve("META-INF").resolve("jolokia"));
        for (Map.Entry<String, List<Class<?>>> descriptor : DESCRIPTORS.entrySet()) {
            Files.write(descriptors.resolve(descriptor.getKey()), descriptor.getValue().stream()
                    .map(type -> ORDER.containsKey(type) ? type.getName() + "," + ORDER.get(type) : type.getName())
                    .toList());
        }
        return new JolokiaDescriptors(directory, new DescriptorLoader(directory.toUri().toURL()));
    }

    /** Finds the descriptors, and everything else through the endpoint's class loader. */
    ClassLoader classLoader() {
        return classLoader;
    }

    /** Deletes the descriptors; one left behind in the temporary directory is harmless, so this never fails. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(JolokiaDescriptors::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // left for the operating system's clean-up of temporary files
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // see close()
        }
    }

    /** Serves the descriptors and defines no class: the classes they name come from the endpoint's class loader. */
    private static final class DescriptorLoader extends URLClassLoader {

        DescriptorLoader(URL directory) {
            super("poolsight-jolokia-descriptors", new URL[] {directory}, JolokiaDescriptors.class.getClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            throw new ClassNotFoundException(name);
        }
    }
}
