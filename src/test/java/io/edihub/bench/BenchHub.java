package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import io.edihub.EdiHubApplication;
import io.edihub.local.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole hub as the benchmarks start it, in their own JVM: its embedded servers on free ports, its data and log
 * under {@code dataDir}, the console quiet but for warnings, EDIFACT's warm-up off. Command-line arguments outrank
 * {@code application.yaml} and the {@code EDIHUB_*} variables it reads.
 *
 * <p>The partners are those of {@code config/partners}, copied to {@code dataDir/partners} with acme's {@code sftp.uploads}
 * set to {@code -Dbench.uploads} ({@code renamed} by default: the benchmarks upload under a temporary name and rename, so
 * the hub reads a file as soon as it is listed; {@code in-place} adds the second the hub waits for a file to stop
 * changing).
 */
final class BenchHub {

    private BenchHub() {
    }

    /** Starts the hub with these settings added ({@code --key=value}), and waits until the route is started. */
    static ConfigurableApplicationContext start(Path dataDir, String route, String... settings) {
        return start(dataDir, route, application -> { }, settings);
    }

    /** As {@link #start(Path, String, String...)}, the application first prepared by {@code prepare}. */
    static ConfigurableApplicationContext start(Path dataDir, String route, Consumer<SpringApplication> prepare,
            String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--edihub.data-dir=" + dataDir,
                "--edihub.partners-dir=" + partners(dataDir, System.getProperty("bench.uploads", "renamed")),
                "--edihub.local.kafka.port=" + FreePort.find(),
                "--edihub.local.postgres.port=" + FreePort.find(),
                "--edihub.sftp.port=" + FreePort.find(),
                "--server.port=0",
                "--edihub.edifact.warm-up=false",
                // the hub logs every document it takes: to a file, so that the figures stay readable
                "--logging.file.name=" + dataDir.resolve("hub.log"),
                "--logging.threshold.console=WARN"));
        args.addAll(List.of(settings));
        SpringApplication application = new SpringApplication(EdiHubApplication.class);
        prepare.accept(application);
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        CamelContext camel = context.getBean(CamelContext.class);
        await(route + " started").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var status = camel.getRouteController().getRouteStatus(route);
            return status != null && status.isStarted();
        });
        return context;
    }

    /** How acme uploads in the benchmarks ({@code -Dbench.uploads}), as a line to print beside the figures. */
    static String uploads() {
        return "acme's sftp.uploads: " + System.getProperty("bench.uploads", "renamed") + " (-Dbench.uploads)";
    }

    private static Path partners(Path dataDir, String uploads) {
        Path dir = dataDir.resolve("partners");
        try {
            Files.createDirectories(dir);
            try (var files = Files.list(Path.of("config/partners"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    String text = Files.readString(file);
                    if (file.getFileName().toString().equals("acme.yaml")) {
                        if (!text.contains("\nsftp:\n")) {
                            throw new IllegalStateException(file + " has no sftp: section to set uploads in");
                        }
                        text = text.replace("\nsftp:\n", "\nsftp:\n  uploads: " + uploads + "\n");
                    }
                    Files.writeString(dir.resolve(file.getFileName()), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
