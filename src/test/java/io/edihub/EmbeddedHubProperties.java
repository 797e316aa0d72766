package io.edihub;

import io.edihub.local.FreePort;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings for a test's hub of its own (most whole-hub tests share one, {@link WholeHubTest}): its own data folder
 * and free loopback ports for the embedded PostgreSQL, Kafka broker and SFTP server, so test contexts never collide
 * with each other or with a hub running on the default ports. Such a test closes its hub when done
 * ({@code @DirtiesContext}).
 */
public final class EmbeddedHubProperties {

    private EmbeddedHubProperties() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        // the suppliers are asked again and again: decide every value once
        String dataDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toString();
        String kafka = Integer.toString(freePort());
        String postgres = Integer.toString(freePort());
        String sftp = Integer.toString(freePort());
        registry.add("edihub.data-dir", () -> dataDir);
        registry.add("edihub.local.kafka.port", () -> kafka);
        registry.add("edihub.local.postgres.port", () -> postgres);
        registry.add("edihub.sftp.port", () -> sftp);
        registry.add("edihub.sftp.poll-delay", () -> "200");
        // most whole-hub tests never read EDIFACT: do not spend a core compiling its schema
        registry.add("edihub.edifact.warm-up", () -> "false");
        // closing the hub waits for the shipments consumer's poll under way: half a second, not Camel's 5 s
        registry.add("camel.component.kafka.poll-timeout-ms", () -> "500");
    }

    public static int freePort() {
        return FreePort.find();
    }
}
