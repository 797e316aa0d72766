package io.edihub;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The data folder and the free ports of a shared whole hub ({@link WholeHubTest}, {@link LocalDefaultsHubTest}),
 * decided once per test JVM: every class of that hub gets the same Spring context, and if the context is closed
 * and started again (another test needed its own hub in between), the embedded servers come back on the same
 * ports over the same data, as after a restart.
 */
abstract class SharedHubServers implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Map<String, Map<String, Object>> BY_HUB = new ConcurrentHashMap<>();

    private final String hub;

    SharedHubServers(String hub) {
        this.hub = hub;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> settings = BY_HUB.computeIfAbsent(hub, name -> Map.of(
                "edihub.data-dir", Path.of("target", "it-data", name + "-" + UUID.randomUUID()).toString(),
                "edihub.local.kafka.port", EmbeddedHubProperties.freePort(),
                "edihub.local.postgres.port", EmbeddedHubProperties.freePort(),
                "edihub.sftp.port", EmbeddedHubProperties.freePort()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sharedHub-" + hub, settings));
    }

    /** The servers of {@link WholeHubTest}. */
    static final class ForWholeHub extends SharedHubServers {
        ForWholeHub() {
            super("whole-hub");
        }
    }

    /** The servers of {@link LocalDefaultsHubTest}. */
    static final class ForLocalDefaults extends SharedHubServers {
        ForLocalDefaults() {
            super("local-defaults-hub");
        }
    }
}
