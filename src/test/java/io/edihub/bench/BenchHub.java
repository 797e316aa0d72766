package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import io.edihub.EdiHubApplication;
import io.edihub.local.FreePort;
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
}
