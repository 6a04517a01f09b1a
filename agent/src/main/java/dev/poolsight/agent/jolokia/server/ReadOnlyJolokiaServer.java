package dev.poolsight.agent.jolokia.server;

import dev.poolsight.agent.jolokia.JolokiaAddress;
import dev.poolsight.agent.jolokia.JolokiaCredentials;
import dev.poolsight.agent.jolokia.JolokiaEndpoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.ConfigKey;
import org.jolokia.server.core.config.SystemPropertyMode;
import org.jolokia.server.core.service.impl.QuietLogHandler;

/**
 * Jolokia's JVM agent server, set up as Poolsight's read-only endpoint: {@link ReadOnlyRestrictor} as the policy,
 * only the services that read local MBeans ({@link JolokiaDescriptors}), no server detectors, and no say for the
 * host's {@code jolokia.*} system properties or {@code JOLOKIA_*} variables, which could loosen the policy.
 * Loaded by the endpoint's own class loader, not from the bootstrap class path.
 */
public final class ReadOnlyJolokiaServer implements JolokiaEndpoint {

    private final JolokiaServer server;

    private ReadOnlyJolokiaServer(JolokiaServer server) {
        this.server = server;
    }

    /** Called reflectively by the launcher; throws what Jolokia throws, a {@link java.net.BindException} included. */
    public static JolokiaEndpoint start(JolokiaAddress address, Optional<JolokiaCredentials> credentials) throws Exception {
        Map<String, String> settings = settings(address, credentials);
        try (JolokiaDescriptors descriptors = JolokiaDescriptors.write()) {
            FutureTask<JolokiaServer> start = new FutureTask<>(() -> {
                // Jolokia's log stays quiet: its one warning here, that its classes are also on the bootstrap class
                // path, is expected, and what fails either stops the start-up or is answered to the client.
                JolokiaServer server = new JolokiaServer(new JolokiaServerConfig(settings, SystemPropertyMode.NEVER),
                        new QuietLogHandler());
                server.start();
                return server;
            });
            Thread starter = new Thread(start, "poolsight-jolokia-start");
            // Jolokia's threads inherit both: daemon, so that the endpoint never keeps the JVM alive, and the class
            // loader through which Jolokia finds its descriptors and the classes they name.
            starter.setDaemon(true);
            starter.setContextClassLoader(descriptors.classLoader());
            starter.start();
            return new ReadOnlyJolokiaServer(start.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Map<String, String> settings(JolokiaAddress address, Optional<JolokiaCredentials> credentials) {
        Map<String, String> settings = new HashMap<>();
        settings.put("host", address.host());
        settings.put("port", Integer.toString(address.port()));
        settings.put("threadNamePrefix", "poolsight-jolokia-");
        settings.put(ConfigKey.RESTRICTOR_CLASS.getKeyValue(), ReadOnlyRestrictor.class.getName());
        settings.put(ConfigKey.DISABLE_DETECTORS.getKeyValue(), "true");
        settings.put(ConfigKey.DISCOVERY_ENABLED.getKeyValue(), "false");
        credentials.ifPresent(user -> {
            settings.put(ConfigKey.AUTH_MODE.getKeyValue(), "basic");
            settings.put(ConfigKey.USER.getKeyValue(), user.user());
            settings.put(ConfigKey.PASSWORD.getKeyValue(), user.password());
        });
        return settings;
    }

    @Override
    public String url() {
        return server.getUrl();
    }

    @Override
    public void stop() {
        server.stop();
    }
}
