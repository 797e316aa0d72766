package io.edihub.bench;

import static org.awaitility.Awaitility.await;

import io.edihub.PartnerSftpClient;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import io.edihub.local.LocalSftpServer;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.PoAcknowledgment855Writer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One big blanket order through the whole hub: a single 850 of {@code -Dbench.lines} PO1 lines (2,000) × {@code
 * -Dbench.deliveries} monthly SCH (24), on acme's contract, uploaded over SFTP, timed until the order is stored with
 * all its releases and until the 997 is in acme's {@code outbound/}; then, as the order is worth far more than the
 * contract's order and release limits, it is held for a person, and an operator's approval over {@code POST
 * /api/v1/orders/acme/{po}/decision} is timed until its answer (the operator signed in by an earlier request, as at work). A documented command, not a test.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.edihub.bench.BigOrderBenchmark
 * </pre>
 *
 * The reference, measured in the same run on the same database through the hub's own connection pool: the rows the
 * order makes (order lines, releases, release lines; the schedule is kept in the canonical order) inserted as one JDBC batch into a scratch table
 * in one transaction, and the same rows with PostgreSQL's COPY: what storing them costs without a constraint, an
 * index or a foreign key to check. The hub runs on its embedded servers (its own data folder
 * and log under {@code target/bench-data}, free ports, SFTP polled every 100 ms); the database is polled every 50 ms.
 *
 * <p>Run from the project folder (the hub reads {@code routes/} and {@code config/partners}).
 */
public final class BigOrderBenchmark {

    private static final int LINES = Integer.getInteger("bench.lines", 2_000);
    private static final int DELIVERIES = Integer.getInteger("bench.deliveries", 24);
    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 10));
    private static final int CONTROL_NUMBER = 700_000_101;
    private static final String PO = "4500000001";
    private static final String OPERATOR = "bench";

    private final String password = UUID.randomUUID().toString();
    /** Each row's seconds by its label, for the RESULT lines. */
    private final java.util.Map<String, Double> seconds = new java.util.HashMap<>();
    private final List<String> rows = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new BigOrderBenchmark().run();
        // the hub's non-daemon threads (Kafka, SFTP) must not keep exec:java waiting
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf("EDI Hub big-order benchmark: Java %s, %d CPUs, max heap %,d MB, load average %.1f%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(BenchHub.uploads());
        byte[] interchange = InterchangeGenerator.bigOrder(LINES, DELIVERIES, CONTROL_NUMBER, PO).bytes();
        long storedRows = LINES + (long) LINES * DELIVERIES + DELIVERIES;
        System.out.printf("one 850 of %,d lines x %,d SCH (on acme's contract): %,.2f MB; it makes %,d rows (order lines, "
                + "releases, release lines; its schedule stays in the canonical order)%n", LINES, DELIVERIES,
                interchange.length / 1e6, storedRows);
        parseOnly(interchange);
        Path dataDir = Path.of("target", "bench-data", "big-order-" + System.currentTimeMillis());
        ConfigurableApplicationContext hub = startHub(dataDir);
        try {
            JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
            TransactionTemplate transactions = hub.getBean(TransactionTemplate.class);
            // twice: the first warms the connection and the server's plan cache; the second counts
            reference(jdbc, transactions, storedRows);
            row("reference: one JDBC batch of " + String.format(Locale.ROOT, "%,d", storedRows) + " rows",
                    reference(jdbc, transactions, storedRows));
            row("reference: one COPY of the same rows", referenceCopy(jdbc, transactions, storedRows));
            ingest(hub, jdbc, interchange);
            approve(hub, jdbc);
        } finally {
            hub.close();
        }
        System.out.println();
        System.out.printf("%-58s %10s%n", "", "seconds");
        rows.forEach(System.out::println);
        String order = String.format(Locale.ROOT, "one PO of %,d lines x %d deliveries", LINES, DELIVERIES);
        BenchResult.print("big-order-997", order + ": 850 over SFTP to the 997 in outbound/",
                String.format(Locale.ROOT, "parse only %.2f s (bare StAEDI %.2f s); COPY of its rows %.2f s",
                        seconds.get("parse only: (c) EDI Hub: validate, map, plan releases"),
                        seconds.get("parse only: (a) StAEDI bare event pass"), seconds.get("reference: one COPY of the same rows")),
                value("850 to the 997 in outbound/"), "2 s");
        BenchResult.print("big-order-approval", order + ": operator's approval over the API",
                String.format(Locale.ROOT, "855 writer alone %.2f s", seconds.get("855 writer alone (StAEDI with our 855 schema)")),
                value("operator's approval over the API"), "2 s");
    }

    private String value(String row) {
        Double s = seconds.get(row);
        return s == null ? "FAILED (not measured)" : String.format(Locale.ROOT, "%.2f s", s);
    }

    /**
     * The hub's reader alone on the same bytes, in this JVM before the hub starts (after a warm-up): what of the time to
     * the 997 is reading and checking the 850 rather than storing it.
     */
    private void parseOnly(byte[] interchange) {
        ParseBenchmark parse = new ParseBenchmark();
        byte[] small = InterchangeGenerator.bigOrder(200, DELIVERIES, CONTROL_NUMBER, PO).bytes();
        for (int i = 0; i < 3; i++) {
            parse.stax(new ByteArrayInputStream(small), null, 1);
            parse.full(new ByteArrayInputStream(small), 1, -1);
        }
        long start = System.nanoTime();
        parse.stax(new ByteArrayInputStream(interchange), null, 1);
        row("parse only: (a) StAEDI bare event pass", System.nanoTime() - start);
        start = System.nanoTime();
        parse.full(new ByteArrayInputStream(interchange), 1, -1);
        row("parse only: (c) EDI Hub: validate, map, plan releases", System.nanoTime() - start);
        // the approval answers with an 855 of every line and delivery: StAEDI writes it with our 855 schema on
        PoAcknowledgment855Writer writer = new PoAcknowledgment855Writer(new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"));
        PartnerProfile acme = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 3; i++) {
            writer.write(acknowledgment(200), acme, ControlNumbers.inMemory(), now);
        }
        PoAcknowledgment ack = acknowledgment(LINES);
        start = System.nanoTime();
        writer.write(ack, acme, ControlNumbers.inMemory(), now);
        row("855 writer alone (StAEDI with our 855 schema)", System.nanoTime() - start);
    }

    /** An 855 accepting {@code lines} lines, each with its monthly deliveries, as an approval of the big order sends. */
    private static PoAcknowledgment acknowledgment(int lines) {
        List<PoAcknowledgment.LineAck> acks = new ArrayList<>();
        for (int line = 1; line <= lines; line++) {
            List<ScheduleLine> schedule = new ArrayList<>();
            for (int month = 0; month < DELIVERIES; month++) {
                schedule.add(new ScheduleLine(BigDecimal.TEN, "EA", LocalDate.of(2027, 1, 15).plusMonths(month), null));
            }
            acks.add(new PoAcknowledgment.LineAck(Integer.toString(line), "ACM-77812", "EH-1001",
                    BigDecimal.valueOf(10L * DELIVERIES), "EA", new BigDecimal("42.50"), PoAcknowledgment.LineStatus.IA, null,
                    schedule, "RUGGED TABLET 10 INCH"));
        }
        return new PoAcknowledgment("acme", PO, null, PurchaseOrder.Purpose.ORIGINAL, PoAcknowledgment.Type.AD,
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2), "GSA-47QSWA-2026", "V-0042-EDIHUB", "USD", acks);
    }

    private ConfigurableApplicationContext startHub(Path dataDir) {
        ConfigurableApplicationContext context = BenchHub.start(dataDir, "receiveOrders-acme",
                "--edihub.sftp.poll-delay=100", "--edihub.http.operators." + OPERATOR + "=" + password,
                "--edihub.intake.max-document-bytes=" + Integer.MAX_VALUE);
        CamelContext camel = context.getBean(CamelContext.class);
        await("the HTTP API started").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> camel.getRoutes().stream()
                        .allMatch(r -> camel.getRouteController().getRouteStatus(r.getRouteId()).isStarted()));
        return context;
    }

    /** The same number of rows the order makes, as one JDBC batch into a scratch table, in one transaction. */
    private static long reference(JdbcTemplate jdbc, TransactionTemplate transactions, long count) {
        jdbc.execute("create table if not exists bench_scratch (partner_id text not null, release_id text not null, "
                + "line_number text not null, due_date date not null, quantity numeric(22,6) not null, unit text, "
                + "unit_price numeric(22,6))");
        jdbc.execute("truncate bench_scratch");
        List<Object[]> batch = new ArrayList<>();
        Date due = Date.valueOf(LocalDate.of(2027, 1, 15));
        for (long i = 0; i < count; i++) {
            batch.add(new Object[] {"acme", PO + "-" + (i % DELIVERIES + 1), Long.toString(i / DELIVERIES + 1), due,
                BigDecimal.valueOf(i % 20 + 1), "EA", new BigDecimal("42.50")});
        }
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> jdbc.batchUpdate("insert into bench_scratch (partner_id, release_id, "
                + "line_number, due_date, quantity, unit, unit_price) values (?, ?, ?, ?, ?, ?, ?)", batch));
        return System.nanoTime() - start;
    }

    /** The same rows with PostgreSQL's COPY (CSV), in one transaction. */
    private static long referenceCopy(JdbcTemplate jdbc, TransactionTemplate transactions, long count) {
        jdbc.execute("truncate bench_scratch");
        StringBuilder csv = new StringBuilder();
        for (long i = 0; i < count; i++) {
            csv.append("\"acme\",\"").append(PO).append('-').append(i % DELIVERIES + 1).append("\",\"")
                    .append(i / DELIVERIES + 1).append("\",2027-01-15,").append(i % 20 + 1).append(",\"EA\",42.50\n");
        }
        long start = System.nanoTime();
        transactions.executeWithoutResult(status -> jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_scratch (partner_id, "
                        + "release_id, line_number, due_date, quantity, unit, unit_price) from stdin (format csv)",
                        new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return System.nanoTime() - start;
    }

    private void ingest(ConfigurableApplicationContext hub, JdbcTemplate jdbc, byte[] interchange) throws Exception {
        String name = "big-order-" + LINES + "x" + DELIVERIES + ".edi";
        String ack = "-for-" + String.format(Locale.ROOT, "%09d", CONTROL_NUMBER) + ".x12";
        try (PartnerSftpClient acme = new PartnerSftpClient(hub.getBean(LocalSftpServer.class).connectionFor("acme"))) {
            long start = System.nanoTime();
            acme.upload(name, interchange);
            long uploaded = System.nanoTime();
            long[] stored = {0};
            long[] acknowledged = {0};
            await("the order stored and the 997 back").atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> {
                long now = System.nanoTime();
                if (stored[0] == 0 && count(jdbc, "select count(*) from purchase_order where partner_id = 'acme' "
                        + "and po_number = '" + PO + "'") == 1) {
                    stored[0] = now;
                }
                if (acknowledged[0] == 0 && acme.list("outbound").stream().anyMatch(n -> n.startsWith("997-")
                        && n.endsWith(ack))) {
                    acknowledged[0] = now;
                }
                return stored[0] != 0 && acknowledged[0] != 0;
            });
            row("SFTP upload (temporary name, rename)", uploaded - start);
            row("850 to the order stored (from the upload's start)", stored[0] - start);
            row("850 to the 997 in outbound/", acknowledged[0] - start);
            String text = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("997-")
                    && n.endsWith(ack)).findFirst().orElseThrow());
            System.out.printf("997: %s; order %s, %,d lines, %,d schedule lines, %,d releases (%s), %,d release lines%n",
                    text.substring(text.indexOf("AK9*"), text.indexOf('~', text.indexOf("AK9*"))),
                    jdbc.queryForObject("select status from purchase_order where po_number = ?", String.class, PO),
                    count(jdbc, "select count(*) from order_line"), count(jdbc, "select count(*) from schedule_line_overview"),
                    count(jdbc, "select count(*) from order_release"), String.join(", ", jdbc.queryForList(
                            "select distinct status from order_release", String.class)),
                    count(jdbc, "select count(*) from release_line"));
        }
    }

    private void approve(ConfigurableApplicationContext hub, JdbcTemplate jdbc) throws Exception {
        if (!"HELD".equals(jdbc.queryForObject("select status from purchase_order where po_number = ?", String.class, PO))) {
            System.out.println("the order is not held: no decision to time");
            return;
        }
        URI uri = URI.create("http://127.0.0.1:" + hub.getEnvironment().getProperty("local.server.port")
                + "/api/v1/orders/acme/" + PO + "/decision");
        String credentials = Base64.getEncoder().encodeToString((OPERATOR + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // the operator is at work already: its password was checked with bcrypt (~0.2 s) on an earlier request, as a
        // person's is when they log in, and the API's verified-credential cache has it (edihub.http.credentials)
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri.resolve("/api/v1/alerts")).timeout(TIMEOUT)
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 200) {
            throw new IllegalStateException("the operator's first request was answered " + signedIn.statusCode());
        }
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"approve\", \"comment\": \"benchmark\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        row("operator's approval over the API (HTTP " + answer.statusCode() + ")", answered - start);
        System.out.printf("after the approval: order %s, releases %s; %,d outbound documents (997, 855)%n",
                jdbc.queryForObject("select status from purchase_order where po_number = ?", String.class, PO),
                String.join(", ", jdbc.queryForList("select status || ' ' || count(*) from order_release group by status "
                        + "order by status", String.class)), count(jdbc, "select count(*) from outbound_document"));
    }

    private void row(String what, long nanos) {
        seconds.put(what.replaceAll(" \\(HTTP \\d+\\)$", ""), nanos / 1e9);
        rows.add(String.format(Locale.ROOT, "%-58s %10.2f", what, nanos / 1e9));
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
