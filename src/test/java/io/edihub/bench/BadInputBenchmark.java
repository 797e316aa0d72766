package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import io.edihub.PartnerSftpClient;
import io.edihub.local.LocalSftpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import io.edihub.partner.PartnerDirectory;
import io.edihub.x12.FileResult;
import io.edihub.x12.IntakeContext;
import io.edihub.x12.InterchangeListener;
import io.edihub.x12.InterchangeReader;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.TransactionResult;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bad input through the whole hub in a small heap (issue 14): a file that ends inside an element, one 850 whose one
 * element is 10 MB long, and a file of {@code -Dbench.mb} MB (default 100) that is one 850 of which every line is in
 * error. Each goes over acme's SFTP channel; the benchmark times it until the answer (997 or TA1) is in
 * {@code outbound/} and the file with its report in {@code error/}, and prints the heap's high-water mark while the
 * hub took it (the heap in use sampled every 20 ms, after a GC before each file). After each, a good order must be taken
 * (archived) and the hub's health be UP. A documented command, not a test:
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
 * java -Xmx256m -cp target/test-classes:target/classes:$(cat target/classpath.txt) io.edihub.bench.BadInputBenchmark
 * </pre>
 *
 * Prints one {@link BenchResult} line per file. {@code --reader} reads the broken set with the hub's reader alone.
 *
 * <p>Run from the project folder (the hub reads {@code routes/} and {@code config/partners}).
 */
public final class BadInputBenchmark {

    private static final long BROKEN_SET_MB = Long.getLong("bench.mb", 100);
    private static final long ELEMENT_MB = Long.getLong("bench.elementMb", 10);
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 30));
    /** ISA13 and PO numbers of this benchmark's own (its hub's data folder is its own too). */
    private static final int CONTROL_NUMBER = 714_000_001;

    /** The hub's heap in use after its start and a GC: each file's reference. */
    private long atRest;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--reader")) {
            readerOnly();
            return;
        }
        int exit = new BadInputBenchmark().run() ? 0 : 1;
        // the hub's non-daemon threads (Kafka, SFTP) must not keep the JVM up
        System.exit(exit);
    }

    private boolean run() throws Exception {
        System.out.printf("EDI Hub bad-input benchmark: Java %s, %d CPUs, max heap %,d MB, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Path dataDir = Path.of("target", "bench-data", "bad-input-" + System.currentTimeMillis());
        long started = System.nanoTime();
        ConfigurableApplicationContext hub = startHub(dataDir);
        System.out.printf("hub started in %.1f s; data and log in %s%n", (System.nanoTime() - started) / 1e9, dataDir);
        System.gc();
        resetPeaks();
        atRest = used();
        System.out.printf("heap after the start and a GC: %,d MB in use%n", atRest >> 20);
        boolean ok = true;
        try (PartnerSftpClient acme = new PartnerSftpClient(hub.getBean(LocalSftpServer.class).connectionFor("acme"))) {
            int n = CONTROL_NUMBER;
            ok &= one(hub, acme, "truncated", "a file that ends inside an element (no SE, GE, IEA)", n, tmp -> {
                Files.write(tmp, BrokenInterchanges.truncatedInsideAnElement(isa13(CONTROL_NUMBER), po(CONTROL_NUMBER)));
                return Files.size(tmp);
            });
            n += 2;
            int element = n;
            ok &= one(hub, acme, "huge-element", "one 850 whose PID05 is " + ELEMENT_MB + " MB long", n,
                    tmp -> BrokenInterchanges.withHugeElement(tmp, isa13(element), po(element), ELEMENT_MB * 1_000_000));
            n += 2;
            int broken = n;
            ok &= one(hub, acme, "broken-set", "one 850 of " + BROKEN_SET_MB + " MB, every PO1 line in error", n, tmp -> {
                long lines = BrokenInterchanges.oneBrokenSet(tmp, isa13(broken), po(broken), BROKEN_SET_MB * 1_000_000);
                System.out.printf("  (%,d PO1 lines, each with a quantity in letters)%n", lines);
                return Files.size(tmp);
            });
        } finally {
            hub.close();
        }
        return ok;
    }

    /**
     * {@code --reader}: the broken set read by the hub's reader alone (no hub, no listener), for what the reader keeps
     * of it: the heap's peak and what is live after a GC with the file's verdicts still held.
     */
    private static void readerOnly() throws Exception {
        Path file = Files.createTempFile("bad-input-", ".edi");
        try {
            long lines = BrokenInterchanges.oneBrokenSet(file, isa13(CONTROL_NUMBER), po(CONTROL_NUMBER),
                    BROKEN_SET_MB * 1_000_000);
            PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
            IntakeContext context = new IntakeContext(partners.byId("acme"), partners,
                    new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"), IntakeContext.DuplicateCheck.NEVER);
            System.gc();
            resetPeaks();
            HeapSampler.reset();
            long before = used();
            long start = System.nanoTime();
            FileResult result;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                result = new InterchangeReader().read("broken-set.edi", in, context, new InterchangeListener() {
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = HeapSampler.highest();
            System.gc();
            long live = used();
            TransactionResult set = result.interchanges().get(0).groups().get(0).transactions().get(0);
            System.out.printf("reader alone: one 850 of %,d bad lines, %,.1f MB, read in %.1f s; set %s with %,d errors listed"
                    + "; heap before %,d MB, peak %,d MB of %,d MB, live after a GC with the verdicts held %,d MB%n", lines,
                    Files.size(file) / 1e6, seconds, set.status(), set.errors().size(), before >> 20, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, live >> 20);
            BenchResult.print("bad-input-reader", String.format(Locale.ROOT, "reader alone: one 850 of %,d bad lines (%,.1f MB)",
                    lines, Files.size(file) / 1e6), String.format(Locale.ROOT, "heap before: %,d MB", before >> 20),
                    String.format(Locale.ROOT, "%.1f s; heap high-water %,d MB of %,d MB; live after, verdicts held: %,d MB",
                            seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, live >> 20), "bounded");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @FunctionalInterface
    private interface Maker {
        long make(Path file) throws Exception;
    }

    /** One bad file, then a good one; true when both were answered as they must be and the hub stayed UP. */
    private boolean one(ConfigurableApplicationContext hub, PartnerSftpClient acme, String name, String what, int number,
            Maker maker) throws Exception {
        Path file = Files.createTempFile("bad-input-", ".edi");
        try {
            long bytes = maker.make(file);
            String fileName = name + "-" + number + ".edi";
            String answer = "-for-" + isa13(number) + ".x12";
            System.out.printf("%n%s: %s, %,.1f MB%n", name, what, bytes / 1e6);
            System.gc();
            resetPeaks();
            HeapSampler.reset();
            long start = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                acme.upload(fileName, in);
            }
            double uploaded = (System.nanoTime() - start) / 1e9;
            await(name + " answered and kept in error/").atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                List<String> error = acme.list("error");
                return acme.list("outbound").stream().anyMatch(n -> n.endsWith(answer))
                        && error.stream().anyMatch(n -> n.endsWith("-" + fileName))
                        && error.stream().anyMatch(n -> n.endsWith("-" + fileName + ".error.txt"));
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapPeak = HeapSampler.highest();
            long poolPeaks = peak();
            String ack = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.endsWith(answer)).findFirst()
                    .orElseThrow());
            String report = acme.read("error/" + acme.list("error").stream()
                    .filter(n -> n.endsWith("-" + fileName + ".error.txt")).findFirst().orElseThrow());
            System.out.printf("  uploaded in %.1f s; answered and in error/ after %.1f s; heap in use at most %,d MB of %,d MB"
                    + " (sampled every 20 ms; the pools' peaks summed, an upper bound: %,d MB)%n", uploaded, seconds,
                    heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20, poolPeaks >> 20);
            System.out.printf("  answer: %s, %,d bytes, %d AK3s: %s%n", ack.contains("TA1*") ? "TA1" : "997", ack.length(),
                    ack.split("~\\R?AK3\\*", -1).length - 1, summary(ack));
            System.out.printf("  report: %,d bytes: %s%n", report.length(), firstReason(report));

            // the hub goes on: a good order after it is taken, and its health is UP
            int good = number + 1;
            String goodName = "good-after-" + name + "-" + good + ".edi";
            acme.upload(goodName, new ByteArrayInputStream(BrokenInterchanges.goodOrder(isa13(good), po(good))));
            long goodStart = System.nanoTime();
            await("the good order after " + name + " archived").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> acme.list("archive").stream().anyMatch(n -> n.endsWith("-" + goodName)));
            Status health = hub.getBean(HealthEndpoint.class).health().getStatus();
            System.out.printf("  then a good order: archived after %.1f s; hub health %s%n", (System.nanoTime() - goodStart) / 1e9,
                    health);
            BenchResult.print("bad-input-" + name, String.format(Locale.ROOT, "%s (%,.1f MB) over SFTP: answered, kept in error/",
                    what, bytes / 1e6), String.format(Locale.ROOT, "the hub's heap at rest: %,d MB", atRest >> 20),
                    String.format(Locale.ROOT, "%s after %.1f s; heap high-water %,d MB of %,d MB; then a good order taken, health %s",
                            ack.contains("TA1*") ? "TA1" : "997", seconds, heapPeak >> 20,
                            Runtime.getRuntime().maxMemory() >> 20, health), "answered, hub UP, at -Xmx256m");
            return Status.UP.equals(health);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String summary(String ack) {
        StringBuilder sb = new StringBuilder();
        for (String s : ack.split("~\\R?")) {
            if (s.startsWith("TA1*") || s.startsWith("AK5*") || s.startsWith("AK9*")) {
                sb.append(sb.isEmpty() ? "" : " ").append(s).append('~');
            }
        }
        return sb.toString();
    }

    private static String firstReason(String report) {
        return report.lines().filter(l -> l.contains("[")).findFirst().map(l -> l.length() > 200 ? l.substring(0, 200) + "..." : l)
                .orElse(report.lines().findFirst().orElse(""));
    }

    private static ConfigurableApplicationContext startHub(Path dataDir) {
        // the hub's default limit (1 GiB), stated: these files are refused for what they hold, not their size
        return BenchHub.start(dataDir, "receiveOrders-acme", "--edihub.sftp.poll-delay=100",
                "--edihub.intake.max-interchange-bytes=1073741824");
    }

    private static String isa13(int n) {
        return String.format(Locale.ROOT, "%09d", n);
    }

    private static String po(int n) {
        return "45" + String.format(Locale.ROOT, "%08d", n % 100_000_000);
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peak() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long used() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
