package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.EmbeddedHubProperties;
import io.edihub.PartnerSftpClient;
import io.edihub.bench.BrokenInterchanges;
import io.edihub.local.LocalSftpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad input stays answered (issue 14), over acme's real SFTP channel: a file that ends inside an element, an 850 whose
 * one element is 10 MB long, and a 10 MB file that is one 850 of which every line is in error. Each is answered (a TA1
 * or a 997 in acme's outbound/), kept in error/ with a report saying why and stored as a document with that outcome,
 * and the hub stays healthy: readiness UP and a good order after it taken. What the hub keeps of the broken set is
 * bounded: its 997 holds the first 1,000 segments in error and the report says how many more there were, and the
 * heap grows by far less than the file while it is read. The full-size run (100 MB at -Xmx256m) is
 * {@code io.edihub.bench.BadInputBenchmark}, in docs/benchmarks.md.
 *
 * <p>Interchange control numbers 000014001 to 000014006 and PO numbers 45000140xx are this class's own.
 */
// a hub of its own: the shared hub refuses interchanges over 4 MiB unread, and these must be read to be answered
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BROKEN_SET_BYTES = 10_000_000;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        registry.add("edihub.intake.max-interchange-bytes", () -> "67108864");
        registry.add("edihub.outbox.poll-delay", () -> "100");
    }

    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    PartnerSftpClient acme;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
    }

    @AfterEach
    void disconnect() {
        acme.close();
    }

    @Test
    void aFileThatEndsInsideAnElementIsAnsweredWithATa1AndKeptInErrorAndTheHubGoesOn() throws Exception {
        acme.upload("cut-short.edi", BrokenInterchanges.truncatedInsideAnElement("000014001", "4500014001"));

        String report = keptInErrorWithItsReport("cut-short.edi");
        assertThat(report).contains("cut-short.edi from partner acme: REJECTED", "interchange 000014001",
                "the file ends inside interchange 000014001", "without its IEA trailer: the transmission is incomplete",
                "[TRUNCATED]");
        assertThat(answerTo("000014001")).contains("TA1*000014001*261102*0930*R*023~");
        assertThat(storedOutcome("cut-short.edi")).isEqualTo("REJECTED");
        assertThat(ordersStored("4500014001")).isZero();

        theHubGoesOn("000014002", "4500014002");
    }

    @Test
    void anElementOfTenMegabytesIsAnsweredWithATa1AndKeptInErrorAndTheHubGoesOn() throws Exception {
        Path file = Files.createTempFile("huge-element-", ".edi");
        try {
            long bytes = BrokenInterchanges.withHugeElement(file, "000014003", "4500014003", 10_000_000);
            assertThat(bytes).isGreaterThan(10_000_000);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                acme.upload("huge-element.edi", in);
            }
        } finally {
            Files.delete(file);
        }

        String report = keptInErrorWithItsReport("huge-element.edi");
        // StAEDI reads an element into a buffer of 4,096 characters: a longer one is never held whole, the interchange
        // cannot be read past it and is refused where it stands
        assertThat(report).contains("huge-element.edi from partner acme: REJECTED", "interchange 000014003",
                "the interchange cannot be read at segment 13 (PID)", "[SYNTAX_ERROR]");
        assertThat(report.length()).as("the report quotes no megabytes").isLessThan(10_000);
        assertThat(answerTo("000014003")).contains("TA1*000014003*261102*0930*R*022~");
        String kept = acme.list("error").stream().filter(n -> n.endsWith("-huge-element.edi")).findFirst().orElseThrow();
        assertThat(acme.size("error/" + kept)).as("the input kept whole")
                .isGreaterThan(10_000_000);
        assertThat(storedOutcome("huge-element.edi")).isEqualTo("REJECTED");
        assertThat(ordersStored("4500014003")).isZero();

        theHubGoesOn("000014004", "4500014004");
    }

    @Test
    void aLargeFileOfOneBrokenSetIsAnsweredWithABoundedAcknowledgmentAndTheHubGoesOn() throws Exception {
        Path file = Files.createTempFile("broken-set-", ".edi");
        long lines;
        try {
            lines = BrokenInterchanges.oneBrokenSet(file, "000014005", "4500014005", BROKEN_SET_BYTES);
            System.gc();
            long before = heapUsed();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                acme.upload("broken-set.edi", in);
            }
            String report = keptInErrorWithItsReport("broken-set.edi");
            System.gc();
            long retained = heapUsed() - before;
            // a 10 MB file of 190,000 bad lines, each line an error: nothing of it stays once it is answered
            assertThat(retained).as("heap retained after the hub took a %,d-byte file of %,d bad lines", BROKEN_SET_BYTES,
                    lines).isLessThan(64L << 20);
            assertThat(report).contains("broken-set.edi from partner acme: REJECTED", "set 850 0001 REJECTED",
                    "PO102 (segment 10)", "more errors in this set are not listed (the first 1,000 are)", String.format(
                            "and %,d more segments in error are not in the acknowledgment's AK3s (the first 1,000 are)",
                            lines - 1_000), "[ERRORS_LEFT_OUT]");
            assertThat(report.length()).as("the report lists 1,001 errors, not %,d", lines).isLessThan(1_000_000);
        } finally {
            Files.delete(file);
        }

        String ack = answerTo("000014005");
        List<String> segments = Arrays.stream(ack.split("~\\R?")).toList();
        assertThat(segments.stream().filter(s -> s.startsWith("AK3*"))).hasSize(1_000).startsWith("AK3*PO1*10**8")
                .endsWith("AK3*PO1*1009**8");
        assertThat(segments).contains("AK2*850*0001", "AK4*2*330*6*MANY", "AK5*R*5", "AK9*R*1*1*0");
        assertThat(storedOutcome("broken-set.edi")).isEqualTo("REJECTED");
        assertThat(ordersStored("4500014005")).isZero();

        theHubGoesOn("000014006", "4500014006");
    }

    /** Waits for the input and its report in error/, nothing of it left in inbound/; returns the report. */
    private String keptInErrorWithItsReport(String fileName) throws Exception {
        // the broken set's 190,000 lines are each validated: StAEDI reads some 0.5 MB/s on two cores
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-" + fileName)).anyMatch(n -> n.endsWith("-" + fileName + ".error.txt")));
        assertThat(acme.list("inbound")).noneMatch(n -> n.contains(fileName));
        assertThat(acme.list("archive")).noneMatch(n -> n.endsWith("-" + fileName));
        return acme.read("error/" + only(acme.list("error"), "-" + fileName + ".error.txt"));
    }

    /** The 997 or TA1 answering the interchange, once it is in outbound/. */
    private String answerTo(String isa13) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("outbound")).anyMatch(n -> n.endsWith("-for-" + isa13 + ".x12")));
        return acme.read("outbound/" + only(acme.list("outbound"), "-for-" + isa13 + ".x12"));
    }

    /** Readiness is UP, and a good order sent after the bad file is taken: stored, acknowledged, archived. */
    private void theHubGoesOn(String isa13, String poNumber) throws Exception {
        assertThat(get("/actuator/health/readiness")).isEqualTo(200);
        assertThat(get("/actuator/health/liveness")).isEqualTo(200);
        acme.upload("good-" + poNumber + ".edi", new ByteArrayInputStream(BrokenInterchanges.goodOrder(isa13, poNumber)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-good-" + poNumber + ".edi")));
        assertThat(answerTo(isa13)).contains("AK9*A*1*1*1~");
        assertThat(ordersStored(poNumber)).isOne();
    }

    private int get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String storedOutcome(String fileName) {
        return jdbc.queryForObject("select outcome from inbound_document where partner_id = 'acme' and file_name = ?",
                String.class, fileName);
    }

    private int ordersStored(String poNumber) {
        return jdbc.queryForObject("select count(*) from purchase_order where partner_id = 'acme' and po_number = ?",
                Integer.class, poNumber);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long heapUsed() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    private static String only(List<String> names, String part) {
        List<String> matching = names.stream().filter(n -> n.contains(part)).toList();
        assertThat(matching).as("one file named *%s* in %s", part, names).hasSize(1);
        return matching.get(0);
    }
}
