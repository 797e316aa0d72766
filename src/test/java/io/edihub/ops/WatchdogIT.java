package io.edihub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.edihub.EmbeddedHubProperties;
import io.edihub.HubHttp;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.billing.Acceptance861Samples;
import io.edihub.billing.PartnerFunctionalAcks;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Remittance;
import io.edihub.cash.CashApplication;
import io.edihub.cash.PaymentBook;
import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.local.LocalSftpServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The watchdog on the whole hub with its real broker, SFTP server and PostgreSQL, and a clock the test moves:
 * each of the six conditions is made true, the clock moved past its threshold, and the alert seen open in the
 * table, on Kafka and over the API; then its cause is removed the way the hub's users would (the partner's
 * 997, an operator's approval, dispatch, a shipment, an 861; for the receivables a payment, a deduction denied,
 * unapplied cash applied) and the alert seen closed. acme's file sets its
 * own 997 threshold (6 hours, the hub's default is 24) and globex's switches the held-order check off.
 * The dispatch and watchdog timers run once at start only: the test runs each pass itself.
 */
// a hub of its own: its own partner files, and watchdog passes that must find every condition this test made and no other
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.InHub.class)
class WatchdogIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALERTS = "edihub.alerts.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @DynamicPropertySource
    static void embeddedServers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        Path partners = partnersWithWatchdogSettings();
        registry.add("edihub.partners-dir", partners::toString);
        registry.add("edihub.releases.check-every", () -> "3600000");
        registry.add("edihub.watchdog.check-every", () -> "3600000");
        registry.add("edihub.outbox.poll-delay", () -> "100");
        registry.add("edihub.http.clients.acme", () -> "acme-secret");
        registry.add("edihub.http.operators.olivia", () -> "olivia-secret");
    }

    /** The demo partners, acme with its own 997 threshold, globex never checked for held orders. */
    private static Path partnersWithWatchdogSettings() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "it-data", "partners-" + UUID.randomUUID()));
            Files.writeString(dir.resolve("acme.yaml"), Files.readString(Path.of("config/partners/acme.yaml"))
                    + "\nwatchdog:\n  acknowledgment-overdue-after: PT6H\n");
            Files.writeString(dir.resolve("globex.yaml"), Files.readString(Path.of("config/partners/globex.yaml"))
                    + "\nwatchdog:\n  held-order-after: off\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Watchdog watchdog;
    @Autowired
    ReleaseScheduler scheduler;
    @Autowired
    CashApplication cash;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CamelContext camel;
    @Value("${edihub.kafka.brokers}")
    String brokers;

    HubHttp hub;
    PartnerSftpClient acme;
    PartnerSftpClient globex;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        // the hub's own scheduled passes (a few seconds after the start, then hourly) would race the test's explicit
        // ones: a watchdog pass between a step and its check opens or closes what that check was to see
        for (String route : List.of("watchOverdueWork", "dispatchDueReleases", "acceptUnjudgedShipments")) {
            camel.getRouteController().stopRoute(route);
        }
        hub = new HubHttp(port);
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        globex = new PartnerSftpClient(sftpServer.connectionFor("globex"));
        kafka = new KafkaTestClient(brokers, List.of(ALERTS));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        globex.close();
        kafka.close();
    }

    @Test
    void everyConditionOpensAnAlertPastItsThresholdAndClosesWhenItsCauseIsGone() throws Exception {
        // T0: an acme order of three months (its 855 goes out), an acme order over the release limit (held),
        // and a globex order at the wrong price (held too, but globex is not watched for held orders)
        acme.upload("wd-1.edi", order850("WD-1", "000000601", "100", "20270115", "20270215", "20270315")
                .getBytes(StandardCharsets.US_ASCII));
        acme.upload("wd-hold.edi", order850("WD-HOLD", "000000602", "2000", "20271215").getBytes(StandardCharsets.US_ASCII));
        globex.upload("gx-88001.edi", Files.readAllBytes(Path.of("edi-samples/globex/blanket-year-month.edi")));
        await().atMost(WAIT).until(() -> orderStatus("acme", "WD-HOLD") != null && orderStatus("globex", "GX-88001") != null
                && group855("WD-1") != null);
        assertThat(orderStatus("acme", "WD-1")).isEqualTo("OPEN");
        assertThat(orderStatus("acme", "WD-HOLD")).isEqualTo("HELD");
        assertThat(orderStatus("globex", "GX-88001")).isEqualTo("HELD");
        String ackGroup = group855("WD-1");
        String ackKey = "ACK_OVERDUE:acme:PR:" + ackGroup;
        assertThat(watchdog.check().opened()).as("nothing is overdue yet").isEmpty();

        // acme's own threshold: its 855 is overdue after 6 hours, not the hub's 24
        clock.advance(Duration.ofHours(6).minus(MINUTE));
        assertThat(watchdog.check().opened()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(watchdog.check().opened()).containsExactly(ackKey);
        JsonNode ackAlert = openAlert(ackKey);
        assertThat(ackAlert.path("kind").asText()).isEqualTo("ACK_OVERDUE");
        assertThat(ackAlert.path("since").asText()).isEqualTo(T0.toString());
        assertThat(ackAlert.path("detail").asText()).contains("855").contains("no 997 from acme after 6 hours");
        String ackId = ackAlert.path("id").asText();
        JsonNode ackOpened = event(ackId, "OPEN");
        assertThat(ackOpened.path("alertKey").asText()).isEqualTo(ackKey);
        assertThat(ackOpened.path("since").asText()).isEqualTo(T0.toString());
        assertThat(gauge("acme", "ACK_OVERDUE")).isEqualTo(1.0);

        // a day later acme's held order is overdue; globex's is not, its file switched the check off
        clock.setDay(LocalDate.of(2026, 11, 21));
        clock.advance(Duration.ofHours(8).plus(MINUTE));
        Watchdog.Pass dayLater = watchdog.check();
        assertThat(dayLater.opened()).as("the 855 alert is still open: seen again, not raised again")
                .containsExactly("HELD_OVERDUE:acme:WD-HOLD");
        assertThat(alertRows("HELD_OVERDUE", "globex")).isZero();
        JsonNode heldAlert = openAlert("HELD_OVERDUE:acme:WD-HOLD");
        assertThat(heldAlert.path("poNumber").asText()).isEqualTo("WD-HOLD");
        assertThat(heldAlert.path("lastSeenAt").asText()).isEqualTo(clock.instant().toString());
        assertThat(openAlert(ackKey).path("lastSeenAt").asText()).isEqualTo(clock.instant().toString());
        String heldId = heldAlert.path("id").asText();
        event(heldId, "OPEN");
        // a second pass publishes nothing and changes nothing
        int published = alertMessages();
        Watchdog.Pass again = watchdog.check();
        assertThat(again.opened()).isEmpty();
        assertThat(again.closed()).isEmpty();
        assertThat(alertMessages()).isEqualTo(published);
        assertThat(hub.get("/api/v1/alerts", "acme", "acme-secret").statusCode()).as("alerts are for operators").isEqualTo(403);

        // the causes go away: acme's 997 for our 855 comes, an operator approves the held order
        acme.upload("997-for-855.edi", PartnerFunctionalAcks.about("000000603", "PR", ackGroup, "855", "A").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "A".equals(jdbc.queryForObject("select acknowledged from outbound_document "
                + "where kind = '855' and group_control_number = ?", String.class, ackGroup)));
        assertThat(hub.post("/api/v1/orders/acme/WD-HOLD/decision", "olivia", "olivia-secret",
                "{\"decision\": \"approve\", \"comment\": \"release limit waived for the depot build-out\"}").statusCode())
                .isEqualTo(200);
        assertThat(watchdog.check().closed()).containsExactlyInAnyOrder(ackKey, "HELD_OVERDUE:acme:WD-HOLD");
        JsonNode ackClosed = event(ackId, "CLOSED");
        assertThat(ackClosed.path("closedBy").asText()).isEqualTo("watchdog");
        assertThat(ackClosed.path("closedReason").asText()).contains("997 came");
        assertThat(event(heldId, "CLOSED").path("closedReason").asText()).contains("no longer held");
        JsonNode closed = json(hub.get("/api/v1/alerts?status=closed&partner=acme", "olivia", "olivia-secret"));
        assertThat(closed.path("alerts").findValuesAsText("key")).contains(ackKey, "HELD_OVERDUE:acme:WD-HOLD");
        assertThat(closed.path("alerts").findValuesAsText("status")).containsOnly("CLOSED");
        assertThat(gauge("acme", "ACK_OVERDUE")).isZero();
        // the order's timeline shows the alert opening and closing
        JsonNode order = json(hub.get("/api/v1/orders/acme/WD-HOLD", "olivia", "olivia-secret"));
        assertThat(order.path("timeline").findValuesAsText("kind")).contains("HELD", "HELD_OVERDUE", "APPROVED",
                "ALERT_CLOSED");

        // 2026-12-16: WD-1-01 (first due 2027-01-15, lead time 30 days) is due; dispatch does not run for 2 hours
        clock.setDay(LocalDate.of(2026, 12, 16));
        clock.advance(Duration.ofHours(2).minus(MINUTE));
        assertThat(watchdog.check().opened()).doesNotContain("NOT_DISPATCHED:acme:WD-1-01");
        clock.advance(Duration.ofMinutes(2));
        assertThat(watchdog.check().opened()).contains("NOT_DISPATCHED:acme:WD-1-01")
                .doesNotContain("NOT_DISPATCHED:acme:WD-1-02");
        JsonNode notDispatched = openAlert("NOT_DISPATCHED:acme:WD-1-01");
        assertThat(notDispatched.path("since").asText()).isEqualTo("2026-12-16T00:00:00Z");
        event(notDispatched.path("id").asText(), "OPEN");
        assertThat(scheduler.dispatchDue()).containsExactly("WD-1-01");
        assertThat(watchdog.check().closed()).contains("NOT_DISPATCHED:acme:WD-1-01");
        event(notDispatched.path("id").asText(), "CLOSED");

        // dispatched, and nothing shipped for 5 days
        clock.advance(Duration.ofDays(5).plus(MINUTE));
        assertThat(watchdog.check().opened()).contains("NOT_SHIPPED:acme:WD-1-01");
        String notShipped = openAlert("NOT_SHIPPED:acme:WD-1-01").path("id").asText();
        event(notShipped, "OPEN");
        kafka.send(SHIPMENTS, "WD-1-01", """
                {"shipmentId": "SHP-WD-1", "partnerId": "acme", "releaseId": "WD-1-01", "shipDate": "2026-12-21",
                 "carrier": "UPSN", "lines": [{"lineNumber": "1", "quantity": 100, "unit": "EA"}]}
                """);
        await().atMost(WAIT).until(() -> "SHIPPED".equals(releaseStatus("WD-1-01")));
        assertThat(watchdog.check().closed()).contains("NOT_SHIPPED:acme:WD-1-01");
        event(notShipped, "CLOSED");

        // shipped, and acme says nothing for 14 days
        clock.advance(Duration.ofDays(14).plus(MINUTE));
        assertThat(watchdog.check().opened()).contains("NOT_ACCEPTED:acme:WD-1-01");
        String notAccepted = openAlert("NOT_ACCEPTED:acme:WD-1-01").path("id").asText();
        event(notAccepted, "OPEN");
        acme.upload("acc-wd-1.edi", Acceptance861Samples.partial("WD-1", "WD-1-01", "ACC-WD-1", "000000604")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "INVOICED".equals(releaseStatus("WD-1-01")));
        assertThat(watchdog.check().closed()).contains("NOT_ACCEPTED:acme:WD-1-01");
        event(notAccepted, "CLOSED");

        // accepted but not invoiced: the hub invoices in the acceptance's own transaction, so only a failure
        // outside it (an invoice voided in the database) leaves this; the test makes it so in the table
        jdbc.update("update release_line set invoiced = 0 where partner_id = 'acme' and release_id = 'WD-1-01'");
        clock.advance(Duration.ofHours(4).plus(MINUTE));
        assertThat(watchdog.check().opened()).contains("NOT_INVOICED:acme:WD-1-01");
        String notInvoiced = openAlert("NOT_INVOICED:acme:WD-1-01").path("id").asText();
        event(notInvoiced, "OPEN");
        jdbc.update("update release_line set invoiced = accepted where partner_id = 'acme' and release_id = 'WD-1-01'");
        assertThat(watchdog.check().closed()).contains("NOT_INVOICED:acme:WD-1-01");
        event(notInvoiced, "CLOSED");

        receivablesAreWatchedUntilTheMoneyIsSettled();

        // nothing changed: two more passes publish nothing
        watchdog.check();
        int settled = alertMessages();
        Watchdog.Pass idle = watchdog.check();
        assertThat(idle.opened()).isEmpty();
        assertThat(idle.closed()).isEmpty();
        assertThat(alertMessages()).isEqualTo(settled);
        assertThat(alertRows("HELD_OVERDUE", "globex")).as("still held, never watched").isZero();
        assertThat(orderStatus("globex", "GX-88001")).isEqualTo("HELD");
    }

    /**
     * WD-1-01's invoice (80 accepted at 42.50) is not paid: overdue after its due date and the hub's grace of 5 days.
     * acme pays it 100.00 short (a deduction) and sends another 100.00 on an invoice number we do not know (unapplied
     * cash): the overdue alert closes, the deduction and the cash are alerted at once. The deduction is denied, so the
     * 100.00 is open again and the invoice overdue again; an operator applies the unapplied 100.00 to it, and
     * everything closes.
     */
    private void receivablesAreWatchedUntilTheMoneyIsSettled() throws Exception {
        java.util.Map<String, Object> invoice = jdbc.queryForMap("select invoice_number, due_date, total, open_balance "
                + "from invoice_overview where partner_id = 'acme' and release_id = 'WD-1-01'");
        String invoiceNumber = (String) invoice.get("invoice_number");
        LocalDate due = ((java.sql.Date) invoice.get("due_date")).toLocalDate();
        BigDecimal total = (BigDecimal) invoice.get("total");
        assertThat(total).isEqualByComparingTo("3400.00");
        assertThat((BigDecimal) invoice.get("open_balance")).isEqualByComparingTo(total);
        String overdue = "PAYMENT_OVERDUE:acme:" + invoiceNumber;

        // due on its due date, overdue from the next day; the grace (5 days) runs out at the start of the sixth
        clock.setDay(due.plusDays(5));
        clock.advance(Duration.ofHours(23).plus(Duration.ofMinutes(59)));
        assertThat(watchdog.check().opened()).doesNotContain(overdue);
        clock.setDay(due.plusDays(6));
        assertThat(watchdog.check().opened()).contains(overdue);
        JsonNode overdueAlert = openAlert(overdue);
        assertThat(overdueAlert.path("subject").asText()).isEqualTo(invoiceNumber);
        assertThat(overdueAlert.path("poNumber").asText()).isEqualTo("WD-1");
        assertThat(overdueAlert.path("since").asText()).isEqualTo(due.plusDays(1) + "T00:00:00Z");
        assertThat(overdueAlert.path("detail").asText()).contains("3400.00 USD of 3400.00 open")
                .contains("due " + due + ", 6 days ago").contains("grace 5 days");
        String overdueId = overdueAlert.path("id").asText();
        event(overdueId, "OPEN");

        // acme pays 3300.00 on it and 100.00 on an invoice number we do not know
        PaymentBook.Payment payment = cash.take(new Remittance("acme", "WD-TRN-1", new BigDecimal("3400.00"), "USD", "ACH",
                due.plusDays(6), List.of(
                        new Remittance.Line(invoiceNumber, new BigDecimal("3300.00"), total, null, List.of()),
                        new Remittance.Line("ACME-REF-99", new BigDecimal("100.00"), null, null, List.of())), null),
                "API", null, "acme");
        assertThat(payment.unapplied()).isEqualByComparingTo("100.00");
        java.util.Map<String, Object> deduction = jdbc.queryForMap("select id, claim_number from claim_overview "
                + "where partner_id = 'acme' and source = 'DEDUCTION' and invoice_number = ?", invoiceNumber);
        long deductionId = ((Number) deduction.get("id")).longValue();
        String deductionNumber = (String) deduction.get("claim_number");
        assertThat(deductionNumber).as("the deduction claim of the short payment").isNotNull();
        String deductionKey = "DEDUCTION_OPEN:acme:" + deductionNumber;
        String cashKey = "CASH_UNAPPLIED:acme:WD-TRN-1";
        Watchdog.Pass paid = watchdog.check();
        assertThat(paid.closed()).as("nothing open on the invoice: the rest is a deduction").contains(overdue);
        assertThat(paid.opened()).as("alerted at the first look (hub default PT0S)").contains(deductionKey, cashKey);
        assertThat(paid.opened()).as("a deduction is not also an unsettled claim")
                .doesNotContain("CLAIM_UNSETTLED:acme:" + deductionNumber);
        assertThat(event(overdueId, "CLOSED").path("closedReason").asText()).contains("nothing of the invoice is open");
        JsonNode deductionAlert = openAlert(deductionKey);
        assertThat(deductionAlert.path("detail").asText()).contains("acme withheld 100.00 USD of invoice " + invoiceNumber
                + " in payment WD-TRN-1 (")
                .contains("/api/v1/claims/" + deductionId + "/settlement");
        JsonNode cashAlert = openAlert(cashKey);
        assertThat(cashAlert.path("subject").asText()).isEqualTo("WD-TRN-1");
        assertThat(cashAlert.path("detail").asText()).contains("100.00 USD of 3400.00 on no invoice")
                .contains("/api/v1/remittances/" + payment.id() + "/application");
        event(deductionAlert.path("id").asText(), "OPEN");
        event(cashAlert.path("id").asText(), "OPEN");
        Watchdog.Pass seenAgain = watchdog.check();
        assertThat(seenAgain.opened()).as("seen again, not raised again").isEmpty();
        assertThat(seenAgain.closed()).isEmpty();

        // the deduction is denied: acme owes the 100.00 after all, and the invoice is overdue again
        HttpResponse<String> denied = hub.post("/api/v1/claims/" + deductionId + "/settlement", "olivia", "olivia-secret",
                "{\"settlementKey\": \"wd-deny\", \"decision\": \"DENY\", \"reason\": \"the goods were as ordered\"}");
        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(200);
        Watchdog.Pass afterDenial = watchdog.check();
        assertThat(afterDenial.closed()).contains(deductionKey).doesNotContain(cashKey);
        assertThat(afterDenial.opened()).contains(overdue);
        assertThat(event(deductionAlert.path("id").asText(), "CLOSED").path("closedReason").asText())
                .contains("credited or denied");
        assertThat(openAlert(overdue).path("detail").asText()).contains("100.00 USD of 3400.00 open");

        // an operator sees the unapplied 100.00 was meant for this invoice: both close
        cash.applyUnapplied(payment.id(), invoiceNumber, null, "wd-apply-1", "olivia", "ACME-REF-99 is their PO line");
        assertThat(watchdog.check().closed()).contains(overdue, cashKey);
        assertThat(event(cashAlert.path("id").asText(), "CLOSED").path("closedReason").asText())
                .contains("all of the payment is applied");
        assertThat(jdbc.queryForObject("select open_balance from invoice_overview where invoice_number = ?",
                BigDecimal.class, invoiceNumber)).isZero();
    }

    @Test
    void anOperatorClosesAOneOffAlertAndSaysWhy() throws Exception {
        kafka.send(SHIPMENTS, "NO-SUCH-01", """
                {"shipmentId": "SHP-NOWHERE", "partnerId": "acme", "releaseId": "NO-SUCH-01", "shipDate": "2026-12-21",
                 "lines": [{"lineNumber": "1", "quantity": 5}]}
                """);
        await().atMost(WAIT).until(() -> alertRows("SHIPMENT_REFUSED", "acme") == 1);
        JsonNode open = json(hub.get("/api/v1/alerts?partner=acme", "olivia", "olivia-secret")).path("alerts");
        JsonNode refused = null;
        for (JsonNode a : open) {
            if (a.path("kind").asText().equals("SHIPMENT_REFUSED")) {
                refused = a;
            }
        }
        assertThat(refused).isNotNull();
        String id = refused.path("id").asText();
        assertThat(refused.path("status").asText()).isEqualTo("OPEN");
        JsonNode opened = event(id, "OPEN");

        assertThat(hub.post("/api/v1/alerts/" + id + "/close", "olivia", "olivia-secret", "{}").statusCode())
                .as("a reason is required").isEqualTo(400);
        assertThat(hub.post("/api/v1/alerts/" + id + "/close", "acme", "acme-secret", "{\"reason\": \"mine\"}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> closed = hub.post("/api/v1/alerts/" + id + "/close", "olivia", "olivia-secret",
                "{\"reason\": \"logistics sent the shipment to the wrong hub; they will resend it\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).path("closedBy").asText()).isEqualTo("olivia");
        assertThat(json(closed).path("status").asText()).isEqualTo("CLOSED");
        JsonNode event = event(id, "CLOSED");
        assertThat(event.path("closedBy").asText()).isEqualTo("olivia");
        assertThat(event.path("closedReason").asText()).contains("wrong hub");
        assertThat(event.path("raisedAt").asText()).isEqualTo(opened.path("raisedAt").asText());
        assertThat(hub.post("/api/v1/alerts/" + id + "/close", "olivia", "olivia-secret", "{\"reason\": \"again\"}").statusCode())
                .isEqualTo(409);
        assertThat(hub.post("/api/v1/alerts/999999/close", "olivia", "olivia-secret", "{\"reason\": \"?\"}").statusCode())
                .isEqualTo(404);
        assertThat(hub.get("/api/v1/alerts?status=sometimes", "olivia", "olivia-secret").statusCode()).isEqualTo(400);
        assertThat(json(hub.get("/api/v1/alerts?status=all&partner=acme", "olivia", "olivia-secret")).path("alerts")
                .findValuesAsText("id")).contains(id);
    }

    /** The one open alert with this key, as the API shows it. */
    private JsonNode openAlert(String key) throws Exception {
        JsonNode answer = json(hub.get("/api/v1/alerts", "olivia", "olivia-secret"));
        assertThat(answer.path("status").asText()).isEqualTo("open");
        List<JsonNode> found = new java.util.ArrayList<>();
        answer.path("alerts").forEach(a -> {
            if (a.path("key").asText().equals(key)) {
                found.add(a);
            }
        });
        assertThat(found).as("open alerts with key " + key).hasSize(1);
        assertThat(found.get(0).path("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("select count(*) from alert where alert_key = ? and closed_at is null", Integer.class,
                key)).isOne();
        return found.get(0);
    }

    /** The alert's event in this state, read from the topic with a plain consumer: exactly one, valid, with its id. */
    private JsonNode event(String alertId, String status) throws Exception {
        String messageId = "alert:" + alertId + ":" + status;
        await().atMost(WAIT).until(() -> kafka.on(ALERTS).stream().anyMatch(r -> messageId.equals(r.headers().get("ce_id"))));
        List<KafkaTestClient.Received> events = kafka.on(ALERTS).stream()
                .filter(r -> messageId.equals(r.headers().get("ce_id"))).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).headers()).containsEntry("ce_type", "io.edihub.alert.v1");
        JsonNode payload = CanonicalJson.MAPPER.readTree(events.get(0).value());
        assertThat(alertSchema().validate(payload)).as(events.get(0).value()).isEmpty();
        assertThat(payload.path("alertId").asText()).isEqualTo(alertId);
        assertThat(payload.path("status").asText()).isEqualTo(status);
        return payload;
    }

    private static JsonSchema alertSchema() throws IOException {
        try (var schema = WatchdogIT.class.getResourceAsStream("/schemas/alert.v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    private double gauge(String partner, String kind) {
        Gauge gauge = meters.find("edihub.alerts.open").tags("partner", partner, "kind", kind).gauge();
        assertThat(gauge).as("gauge edihub.alerts.open for " + partner + " " + kind).isNotNull();
        return gauge.value();
    }

    private int alertRows(String kind, String partner) {
        return jdbc.queryForObject("select count(*) from alert where kind = ? and partner_id = ?", Integer.class, kind, partner);
    }

    private int alertMessages() {
        return jdbc.queryForObject("select count(*) from outbox_message where topic = ?", Integer.class, ALERTS);
    }

    private String orderStatus(String partner, String po) {
        return jdbc.queryForList("select status from purchase_order where partner_id = ? and po_number = ?", String.class,
                partner, po).stream().findFirst().orElse(null);
    }

    private String releaseStatus(String releaseId) {
        return jdbc.queryForObject("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId);
    }

    /** The group control number of the 855 we sent for an acme order. */
    private String group855(String po) {
        return jdbc.queryForList("select d.group_control_number from outbound_document d join purchase_order o "
                + "on o.document_id = d.inbound_document_id where d.kind = '855' and o.partner_id = 'acme' and o.po_number = ? "
                + "and d.group_control_number is not null", String.class, po).stream().findFirst().orElse(null);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return CanonicalJson.MAPPER.readTree(response.body());
    }

    /** An acme 850 for tablets at the contract price, one SCH per delivery date of the given quantity each. */
    private static String order850(String po, String isa13, String quantity, String... deliveryDates) {
        int group = Integer.parseInt(isa13);
        List<String> segments = new java.util.ArrayList<>(List.of(
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*" + isa13 + "*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20261120*0800*" + group + "*X*004010",
                "ST*850*0001",
                "BEG*00*BK*" + po + "**20261120*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*" + new java.math.BigDecimal(quantity).multiply(java.math.BigDecimal.valueOf(deliveryDates.length))
                        + "*EA*42.50*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH"));
        for (String date : deliveryDates) {
            segments.add("SCH*" + quantity + "*EA***002*" + date);
        }
        segments.add("CTT*1");
        segments.add("SE*" + (segments.size() - 1) + "*0001");
        segments.add("GE*1*" + group);
        segments.add("IEA*1*" + isa13);
        return String.join("~\n", segments) + "~\n";
    }
}
