package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import io.edihub.PartnerSftpClient;
import io.edihub.local.LocalSftpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One interchange of N purchase orders through the whole hub, from the SFTP upload until every order is
 * stored with its monthly releases planned and the 997 is in the partner's {@code outbound/}, beside the
 * parse-only figures of the same bytes measured in the same run: a documented command, not a test.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.IngestBenchmark -Dbench.pos=10000
 * </pre>
 *
 * The interchange is acme's: N 850s of 5 lines × 12 monthly SCH, on acme's contract (see
 * {@link InterchangeGenerator#onAcmeContract}), so that the contract check takes every order and each gets
 * 12 releases. Parse-only, in this JVM before the hub starts, each pass once on the same bytes after a
 * warm-up on 1,000 sets: (a) a bare StAEDI event pass and (c) the hub's reader (validate, map, plan releases),
 * as in {@link ParseBenchmark}. Then the whole hub starts on its embedded servers (its own data folder and log
 * under {@code target/bench-data}, free ports, SFTP polled every {@code -Dbench.sftpPollMs}, 100 ms), acme's own
 * SFTP client uploads the file (temporary name, then rename), and the times from the start of the upload are
 * taken by polling every 200 ms: the orders stored, their releases planned, the 997 in {@code outbound/}.
 * {@code -Dbench.untilArchived=true} also waits until the input is moved to {@code archive/}, and then until every
 * 855 is in {@code outbound/} (the delivery route writes them once the 997 is written). Memory: the heap pools' peak usage summed, and the process's {@code VmHWM}.
 *
 * <p>Run from the project folder (the hub reads {@code routes/} and {@code config/partners}).
 */
public final class IngestBenchmark {

    /** {@code -Dbench.mb=N}: an interchange of about N MB; else {@code -Dbench.pos}, the number of 850s. */
    private static final int POS = Integer.getInteger("bench.mb") != null
            ? InterchangeGenerator.setsForSize(Integer.getInteger("bench.mb") * 1_000_000L) : Integer.getInteger("bench.pos", 10_000);
    /** {@code -Dbench.parseOnly=false} skips the parse-only reference passes (for a heap too small for their run). */
    private static final boolean PARSE_ONLY = !"false".equals(System.getProperty("bench.parseOnly"));
    private static final long SFTP_POLL_MS = Long.getLong("bench.sftpPollMs", 100);
    private static final boolean UNTIL_ARCHIVED = Boolean.getBoolean("bench.untilArchived");
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 60));
    private static final int CONTROL_NUMBER = 700_000_001;
    private static final double MB = 1_000_000.0;

    private final List<String> rows = new ArrayList<>();
    /** Each row's seconds by its label, for the RESULT lines. */
    private final java.util.Map<String, Double> secondsByRow = new java.util.HashMap<>();
    private long bytes;
    /** The hub's heap in use after its start and a GC: the memory row's reference. */
    private long heapAtRest;

    public static void main(String[] args) throws Exception {
        int exit = 0;
        try {
            new IngestBenchmark().run();
        } catch (Exception | Error e) {
            e.printStackTrace();
            exit = 1;
        }
        // the hub's non-daemon threads (Kafka, SFTP) must not keep exec:java waiting, nor a failed run's JVM up
        System.exit(exit);
    }

    private void run() throws Exception {
        HeapAfterGc.start();
        System.out.printf("EDI Hub ingest benchmark: Java %s, %d CPUs, max heap %,d MB, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(BenchHub.uploads());
        // written to disk and streamed from there: the benchmark must not hold the file in a heap the hub shares
        Path interchange = Files.createTempFile("ingest-benchmark-", ".edi");
        bytes = InterchangeGenerator.onAcmeContract(POS, CONTROL_NUMBER).writeTo(interchange);
        System.out.printf("one interchange of %,d 850s (5 lines x 12 SCH each, on acme's contract): %,.1f MB%n", POS,
                bytes / MB);
        if (PARSE_ONLY) {
            parseOnly(interchange);
        }
        Path dataDir = Path.of("target", "bench-data", "ingest-" + System.currentTimeMillis());
        long started = System.nanoTime();
        ConfigurableApplicationContext hub = startHub(dataDir);
        System.out.printf("hub started in %.1f s; SFTP poll delay %d ms; data and log in %s%n",
                (System.nanoTime() - started) / 1e9, SFTP_POLL_MS, dataDir);
        System.gc();
        heapAtRest = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        HeapSampler.reset();
        String failure = null;
        try {
            ingest(hub, interchange);
        } catch (Exception | Error e) {
            failure = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw e;
        } finally {
            printMemory();
            results(failure);
            hub.close();
            Files.deleteIfExists(interchange);
        }
    }

    private void seconds(String what, double seconds) {
        secondsByRow.put(what, seconds);
    }

    /**
     * The RESULT lines: with {@code -Dbench.mb} the memory row (the heap's high-water mark against the hub's heap at
     * rest), else the ingest row (the 997 back against the parse-only path of the same bytes).
     */
    private void results(String failure) {
        String what = String.format(Locale.ROOT, "%,.1f MB interchange of %,d POs over SFTP", bytes / MB, POS);
        Double ack = secondsByRow.get("SFTP ingest: 997 in outbound/");
        Double stored = secondsByRow.get("SFTP ingest: all orders stored");
        if (Integer.getInteger("bench.mb") != null) {
            long max = Runtime.getRuntime().maxMemory() >> 20;
            BenchResult.print("memory-" + Integer.getInteger("bench.mb") + "MB", what + " at max heap " + max + " MB: heap high-water",
                    String.format(Locale.ROOT, "the hub's heap at rest (after its start, a GC): %,d MB", heapAtRest >> 20),
                    failure != null ? "FAILED (" + failure + "); heap in use at most " + (HeapSampler.highest() >> 20) + " MB"
                            : String.format(Locale.ROOT, "after a collection at most %,d MB; in use at most %,d MB of %,d MB "
                                    + "(sampled, with garbage); 997 after %.1f s", HeapAfterGc.max() >> 20,
                                    HeapSampler.highest() >> 20, max, ack),
                    "taken whole at -Xmx256m");
            return;
        }
        Double full = secondsByRow.get("parse only: (c) EDI Hub: validate, map, plan releases");
        Double bare = secondsByRow.get("parse only: (a) StAEDI bare event pass");
        BenchResult.print("ingest", what + " until stored and 997 back",
                full == null ? "-" : String.format(Locale.ROOT, "parse only: %.3f s (bare StAEDI pass %.3f s)", full, bare),
                failure != null || ack == null ? "FAILED (" + failure + ")"
                        : String.format(Locale.ROOT, "997 after %.1f s (orders stored %.1f s)%s", ack, stored,
                                full == null ? "" : String.format(Locale.ROOT, ", %.1f %% of the parse-only path's speed",
                                        100 * full / ack)),
                "25 % of the parse-only path");
    }

    private void parseOnly(Path interchange) throws IOException {
        ParseBenchmark parse = new ParseBenchmark();
        byte[] small = new InterchangeGenerator(1000).bytes();
        for (int i = 0; i < 3; i++) {
            parse.stax(new ByteArrayInputStream(small), null, 1000);
            parse.full(new ByteArrayInputStream(small), 1000);
        }
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(interchange), 1 << 16)) {
            parse.stax(in, null, POS);
        }
        row("parse only: (a) StAEDI bare event pass", System.nanoTime() - start);
        start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(interchange), 1 << 16)) {
            parse.full(in, POS);
        }
        row("parse only: (c) EDI Hub: validate, map, plan releases", System.nanoTime() - start);
    }

    private ConfigurableApplicationContext startHub(Path dataDir) {
        // what is measured is the ingest of one interchange, whatever its size
        return BenchHub.start(dataDir, "receiveOrders-acme", "--edihub.sftp.poll-delay=" + SFTP_POLL_MS,
                "--edihub.intake.max-interchange-bytes=" + Integer.MAX_VALUE);
    }

    private void ingest(ConfigurableApplicationContext hub, Path interchange) throws Exception {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        String name = "ingest-" + POS + ".edi";
        String ack = "-for-" + String.format(Locale.ROOT, "%09d", CONTROL_NUMBER) + ".x12";
        long expectedReleases = (long) POS * InterchangeGenerator.DELIVERIES;
        try (PartnerSftpClient acme = new PartnerSftpClient(hub.getBean(LocalSftpServer.class).connectionFor("acme"))) {
            HeapAfterGc.restart();
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(interchange), 1 << 16)) {
                acme.upload(name, in);
            }
            row("SFTP upload (temporary name, rename)", System.nanoTime() - start);
            long[] stored = {0};
            long[] planned = {0};
            long[] acknowledged = {0};
            await("the orders stored, their releases planned and the 997 back").atMost(TIMEOUT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> {
                        long now = System.nanoTime();
                        if (stored[0] == 0 && count(jdbc, "select count(*) from purchase_order where partner_id = 'acme'") == POS) {
                            stored[0] = now;
                        }
                        if (planned[0] == 0 && count(jdbc, "select count(*) from order_release where partner_id = 'acme' "
                                + "and status = 'PLANNED'") == expectedReleases) {
                            planned[0] = now;
                        }
                        if (acknowledged[0] == 0 && acme.list("outbound").stream().anyMatch(n -> n.startsWith("997-")
                                && n.endsWith(ack))) {
                            acknowledged[0] = now;
                        }
                        return stored[0] != 0 && planned[0] != 0 && acknowledged[0] != 0;
                    });
            row("SFTP ingest: all orders stored", stored[0] - start);
            row("SFTP ingest: all releases planned", planned[0] - start);
            row("SFTP ingest: 997 in outbound/", acknowledged[0] - start);
            String text = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("997-")
                    && n.endsWith(ack)).findFirst().orElseThrow());
            String ak9 = text.substring(text.indexOf("AK9*"), text.indexOf('~', text.indexOf("AK9*")));
            if (UNTIL_ARCHIVED) {
                await("the input archived").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1))
                        .until(() -> acme.list("archive").stream().anyMatch(n -> n.endsWith("-" + name)));
                row("SFTP ingest: input archived", System.nanoTime() - start);
                await("every 855 written").atMost(TIMEOUT).pollInterval(Duration.ofSeconds(1)).until(() -> count(jdbc,
                        "select count(*) from outbound_document where kind = '855' and written_at is not null") == POS);
                row("SFTP ingest: every 855 in outbound/", System.nanoTime() - start);
            }
            System.out.println();
            System.out.printf("%-52s %10s %10s %8s%n", "", "seconds", "POs/s", "MB/s");
            rows.forEach(System.out::println);
            System.out.printf("%n997: %s; %,d orders, %,d releases planned, %,d outbound documents stored (997 + 855s)%n",
                    ak9, count(jdbc, "select count(*) from purchase_order"), count(jdbc,
                            "select count(*) from order_release where status = 'PLANNED'"),
                    count(jdbc, "select count(*) from outbound_document"));
        }
    }

    private void row(String what, long nanos) {
        double seconds = nanos / 1e9;
        seconds(what, seconds);
        rows.add(String.format(Locale.ROOT, "%-52s %10.1f %,10.0f %8.2f", what, seconds, POS / seconds, bytes / MB / seconds));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static void printMemory() throws IOException {
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring("VmHWM:".length()).strip()).findFirst().orElse("?");
        System.out.printf("heap in use right after a collection, highest during the ingest: %,d MB (%,d collections)%n",
                HeapAfterGc.max() >> 20, HeapAfterGc.collections());
        System.out.printf("memory high-water mark: heap %,d MB (peak usage of the heap pools, summed; max heap %,d MB);"
                + " process VmHWM %s (resident set, whole JVM with the hub)%n", ParseBenchmark.peakHeapUsed() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, hwm);
    }
}
