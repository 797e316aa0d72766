package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Session;
import io.edihub.local.LocalSftpServer;
import io.edihub.local.SftpConnectionInfo;
import io.edihub.outbound.OutboundDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound delivery: N documents stored for acme (810s of about a kilobyte each, as {@code Invoicing} stores
 * them), timed from the commit that stores them until every one is marked written and is in acme's
 * {@code outbound/} under its final name. Beside it, measured in the same run on the same embedded SFTP
 * server with the hub's account: a bare JSch client writing the same number of files of the same size into a
 * scratch folder, (r1) each under a temporary name and then renamed, as the hub does, and (r2) each written
 * straight under its name. A documented command, not a test:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.OutboundDeliveryBenchmark -Dexec.args="2000"
 * </pre>
 *
 * The hub runs on its embedded servers (its own data folder and log under {@code target/bench-data}, free
 * ports), delivering every {@code -Dbench.sftpPollMs} (100 ms). The documents are stored in one transaction, so
 * the whole backlog is due at once: what is measured is how fast the hub empties it. Run from the project folder
 * (the hub reads {@code routes/} and {@code config/partners}).
 */
public final class OutboundDeliveryBenchmark {

    private static final long SFTP_POLL_MS = Long.getLong("bench.sftpPollMs", 100);
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 30));
    private static final String PARTNER = "acme";

    private final int files;
    /** files/s by the first four characters of a row's label: (r1), (r2), EDI Hub */
    private final java.util.Map<String, Double> filesPerSecond = new java.util.HashMap<>();
    private final List<String> rows = new ArrayList<>();

    private OutboundDeliveryBenchmark(int files) {
        this.files = files;
    }

    public static void main(String[] args) throws Exception {
        new OutboundDeliveryBenchmark(args.length > 0 ? Integer.parseInt(args[0]) : 2_000).run();
        // the hub's non-daemon threads (Kafka, SFTP) must not keep exec:java waiting
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("EDI Hub outbound delivery benchmark: Java %s, %d CPUs, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String run = Long.toString(System.currentTimeMillis());
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            contents.add(invoice(i));
        }
        int bytes = contents.get(0).getBytes(StandardCharsets.UTF_8).length;
        System.out.printf("%,d documents of %,d bytes each%n", files, bytes);
        Path dataDir = Path.of("target", "bench-data", "outbound-" + run);
        long started = System.nanoTime();
        ConfigurableApplicationContext hub = startHub(dataDir);
        System.out.printf("hub started in %.1f s; delivery poll delay %d ms; data and log in %s%n",
                (System.nanoTime() - started) / 1e9, SFTP_POLL_MS, dataDir);
        try {
            LocalSftpServer sftp = hub.getBean(LocalSftpServer.class);
            bareClient(sftp.hubConnection(), PARTNER + "/bench-scratch-" + run, contents, true);
            bareClient(sftp.hubConnection(), PARTNER + "/bench-scratch-" + run + "-direct", contents, false);
            hubDelivery(hub, sftp.rootDirectory().resolve(PARTNER).resolve("outbound"), run, contents);
            System.out.println();
            System.out.printf("%-62s %10s %10s%n", "", "seconds", "files/s");
            rows.forEach(System.out::println);
            Double r1 = filesPerSecond.get("(r1)");
            Double hubRate = filesPerSecond.get("EDI ");
            BenchResult.print("outbound", String.format(Locale.ROOT, "%,d stored outbound documents to SFTP files", files),
                    String.format(Locale.ROOT, "bare SFTP client, temporary name + rename: %,.0f files/s", r1),
                    String.format(Locale.ROOT, "%,.0f files/s, %.0f %% of the bare client", hubRate, 100 * hubRate / r1),
                    "200 files/s");
        } finally {
            hub.close();
        }
    }

    /** An 810 the size of one with a few lines; the ISA13 / GS06 differ per document, as the hub's do. */
    private static String invoice(int i) {
        String control = String.format(Locale.ROOT, "%09d", 800_000_000 + i);
        StringBuilder x12 = new StringBuilder()
                .append("ISA*00*          *00*          *ZZ*EDIHUB         *ZZ*ACME           *261120*0800*U*00401*")
                .append(control).append("*0*P*>~GS*IN*EDIHUB*ACME*20261120*0800*").append(800_000_000 + i)
                .append("*X*004010~ST*810*0001~BIG*20261120*EDH-").append(control).append("*20261101*4500012345**4500012345-01~")
                .append("N1*BT*ACME CORPORATION*92*ACME-BT~N1*ST*ACME PLANT 7*92*ACME-ST-7~ITD*01*3*2**10**30~");
        for (int line = 1; line <= 5; line++) {
            x12.append("IT1*").append(line).append("*120*EA*12.50**BP*ACME-PART-").append(1000 + line)
                    .append("*VP*EDH-PART-").append(2000 + line).append("~PID*F****WIDGET, STEEL, GRADE ").append(line).append("~");
        }
        return x12.append("TDS*750000~CTT*5~SE*18*0001~GE*1*").append(800_000_000 + i).append("~IEA*1*").append(control)
                .append("~\n").toString();
    }

    private ConfigurableApplicationContext startHub(Path dataDir) {
        return BenchHub.start(dataDir, "deliverOutboundDocuments", "--edihub.sftp.poll-delay=" + SFTP_POLL_MS);
    }

    /** The reference: one session, one file after the other, nothing else. */
    private void bareClient(SftpConnectionInfo login, String folder, List<String> contents, boolean tempAndRename)
            throws Exception {
        JSch jsch = new JSch();
        jsch.setKnownHosts(login.knownHostsFile().toString());
        Session session = jsch.getSession(login.username(), login.host(), login.port());
        session.setPassword(login.password());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(10_000);
        ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
        channel.connect(10_000);
        try {
            channel.mkdir(folder);
            long start = System.nanoTime();
            for (int i = 0; i < contents.size(); i++) {
                String name = folder + "/810-" + i + ".x12";
                byte[] content = contents.get(i).getBytes(StandardCharsets.UTF_8);
                if (tempAndRename) {
                    channel.put(new ByteArrayInputStream(content), name + ".part");
                    channel.rename(name + ".part", name);
                } else {
                    channel.put(new ByteArrayInputStream(content), name);
                }
            }
            row(tempAndRename ? "(r1) bare SFTP client: temporary name, rename"
                    : "(r2) bare SFTP client: written under its name", System.nanoTime() - start);
        } finally {
            channel.disconnect();
            session.disconnect();
        }
    }

    private void hubDelivery(ConfigurableApplicationContext hub, Path outbound, String run, List<String> contents)
            throws IOException {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        OutboundDocuments documents = hub.getBean(OutboundDocuments.class);
        String prefix = "810-bench" + run + "-";
        TransactionTemplate transaction = new TransactionTemplate(hub.getBean(PlatformTransactionManager.class));
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < contents.size(); i++) {
                documents.store(PARTNER, "810", String.format(Locale.ROOT, "%09d", 800_000_000 + i),
                        prefix + i + ".x12", contents.get(i), null, Instant.now());
            }
        });
        long start = System.nanoTime();
        await("every document written").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() ->
                jdbc.queryForObject("select count(*) from outbound_document where file_name like ? and written_at is null",
                        Integer.class, prefix + "%") == 0);
        long elapsed = System.nanoTime() - start;
        row("EDI Hub: stored 810s to acme's outbound/ (temporary name, rename)", elapsed);
        try (Stream<Path> listed = Files.list(outbound)) {
            List<String> names = listed.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
            long finalNames = names.stream().filter(n -> n.endsWith(".x12")).count();
            System.out.printf("acme's outbound/: %,d files of this run under their final names, %,d other names of this run%n",
                    finalNames, names.size() - finalNames);
        }
    }

    private void row(String what, long nanos) {
        double seconds = nanos / 1e9;
        filesPerSecond.put(what.substring(0, Math.min(4, what.length())), files / seconds);
        rows.add(String.format(Locale.ROOT, "%-62s %10.2f %,10.0f", what, seconds, files / seconds));
    }
}
