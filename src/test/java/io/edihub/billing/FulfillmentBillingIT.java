package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.KafkaTestClient;
import io.edihub.PartnerSftpClient;
import io.edihub.TestClock;
import io.edihub.WholeHubTest;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Release;
import io.edihub.fulfillment.ReleaseScheduler;
import io.edihub.local.LocalSftpServer;
import io.edihub.ops.Watchdog;
import io.edihub.order.OrderStore;
import io.edihub.x12.AcknowledgmentValidation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fulfillment and billing on the whole hub with its real broker, SFTP server and PostgreSQL, and a clock the
 * test moves: an 850 with a three-month schedule is requested from fulfillment one month at a time, never
 * early; shipments come back from a plain Kafka producer; an 861 accepting part of month 1 gives one 810
 * and one invoice event at the contract's price and terms and one claim for the rest; month 2 is shipped
 * but not invoiced, because nobody accepted it. The PO's timeline shows all of it in order.
 */
@WholeHubTest
class FulfillmentBillingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REQUESTS = "edihub.release-requests.v1";
    private static final String INVOICES = "edihub.invoices.v1";
    private static final String CLAIMS = "edihub.claims.v1";
    private static final String SHIPMENTS = "edihub.shipments.v1";
    private static final String ALERTS = "edihub.alerts.v1";

    @Autowired
    TestClock clock;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderStore orders;
    @Autowired
    ReleaseScheduler scheduler;
    @Value("${edihub.kafka.brokers}")
    String brokers;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    PartnerSftpClient acme;
    KafkaTestClient kafka;

    @BeforeEach
    void connect() throws Exception {
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        kafka = new KafkaTestClient(brokers, List.of(REQUESTS, INVOICES, CLAIMS, ALERTS));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        kafka.close();
    }

    @Test
    void monthsAreRequestedAsTheyComeDueShippedAndOnlyWhatWasAcceptedIsInvoicedOnce() throws Exception {
        acme.upload("fb-1001.edi", order850("FB-1001", "000000501").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> orders.releases("acme", "FB-1001").size() == 3);
        assertThat(orders.releases("acme", "FB-1001")).extracting(Release::releaseId)
                .containsExactly("FB-1001-01", "FB-1001-02", "FB-1001-03");

        // 2026-12-15: month 1 is first due 2027-01-15, acme's lead time is 30 days: one day early
        clock.setDay(LocalDate.of(2026, 12, 15));
        // other tests' orders on the shared hub may come due on this day; this PO's must not
        assertThat(scheduler.dispatchDue()).as("never before the lead-time window").noneMatch(id -> id.startsWith("FB-1001-"));
        assertThat(orders.releases("acme", "FB-1001")).extracting(Release::status).containsOnly(Release.Status.PLANNED);

        clock.setDay(LocalDate.of(2026, 12, 16));
        await().atMost(WAIT).until(() -> requests().size() == 1);
        KafkaTestClient.Received request = requests().get(0);
        assertThat(request.key()).isEqualTo("FB-1001-01");
        assertThat(request.headers()).containsEntry("ce_id", "release-request:acme:FB-1001-01")
                .containsEntry("ce_type", "io.edihub.release-request.v1").containsKeys("ce_source", "ce_time");
        JsonNode payload = Schemas.valid("release-request.v1", request.value());
        assertThat(payload.path("priority").asInt()).isEqualTo(1);
        assertThat(payload.path("shipTo").path("name").asText()).isEqualTo("ACME DEPOT 12");
        assertThat(payload.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(payload.path("lines").get(0).path("dueDate").asText()).isEqualTo("2027-01-15");
        assertThat(status("FB-1001-01")).isEqualTo("DISPATCHED");
        assertThat(status("FB-1001-02")).isEqualTo("PLANNED");

        // logistics ships month 1 in full; acme gets an 856
        clock.advance(Duration.ofHours(2));
        kafka.send(SHIPMENTS, "FB-1001-01", shipment("SHP-1", "FB-1001-01", "100"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status("FB-1001-01")));
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("856-")
                && n.endsWith("-FB-1001-01.x12")));

        // acme accepts 80, returns 15 damaged and disputes 5
        clock.setDay(LocalDate.of(2027, 1, 20));
        acme.upload("acc-1.edi", acceptance861("FB-1001", "FB-1001-01", "ACC-1", "000000502").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> kafka.on(INVOICES).size() == 1 && kafka.on(CLAIMS).size() == 1);
        KafkaTestClient.Received invoiceEvent = kafka.on(INVOICES).get(0);
        JsonNode invoice = Schemas.valid("invoice.v1", invoiceEvent.value());
        assertThat(invoiceEvent.key()).isEqualTo(invoice.path("invoiceNumber").asText()).startsWith("EDH-");
        assertThat(invoice.path("releaseId").asText()).isEqualTo("FB-1001-01");
        assertThat(invoice.path("acceptanceId").asText()).isEqualTo("ACC-1");
        assertThat(invoice.path("supplierNumber").asText()).isEqualTo("V-0042-EDIHUB");
        assertThat(invoice.path("contractNumber").asText()).isEqualTo("GSA-47QSWA-2026");
        assertThat(invoice.path("terms").path("netDays").asInt()).isEqualTo(30);
        // accepted on the invoice's day (BRA02 2027-01-20): acme's later-of rule runs the terms from that day
        assertThat(invoice.path("terms").path("dueFrom").asText()).isEqualTo("LATER_OF_INVOICE_AND_ACCEPTANCE");
        assertThat(invoice.path("acceptanceDate").asText()).isEqualTo("2027-01-20");
        assertThat(invoice.path("termsFrom").asText()).isEqualTo("2027-01-20");
        assertThat(invoice.path("dueDate").asText()).isEqualTo("2027-02-19");
        assertThat(invoice.path("discountDate").asText()).isEqualTo("2027-01-30");
        // 2 % of 3400.00
        assertThat(invoice.path("discountAllowed").decimalValue()).isEqualByComparingTo("68.00");
        assertThat(invoice.path("lines")).hasSize(1);
        assertThat(invoice.path("lines").get(0).path("quantity").decimalValue()).isEqualByComparingTo("80");
        // the contract price, not the PO's 43.00
        assertThat(invoice.path("lines").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("42.50");
        assertThat(invoice.path("total").decimalValue()).isEqualByComparingTo("3400.00");
        JsonNode claim = Schemas.valid("claim.v1", kafka.on(CLAIMS).get(0).value());
        assertThat(claim.path("lines").get(0).path("returned").decimalValue()).isEqualByComparingTo("15");
        assertThat(claim.path("lines").get(0).path("disputed").decimalValue()).isEqualByComparingTo("5");
        // acme's outbound/ on the shared hub holds other tests' invoices too: this one's file names its number
        String invoiceFile = "-" + invoice.path("invoiceNumber").asText() + ".x12";
        await().atMost(WAIT).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("810-")
                && n.endsWith(invoiceFile)));
        String x12 = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("810-")
                && n.endsWith(invoiceFile)).findFirst().orElseThrow());
        assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
        assertThat(x12).contains("BIG*20270120*" + invoice.path("invoiceNumber").asText()).contains("*FB-1001*FB-1001-01")
                .contains("IT1*1*80*EA*42.5*CT").contains("TDS*340000")
                .contains("ITD*01*3*2*20270130*10*20270219*30*6800****NET 30 2% 10");
        assertThat(status("FB-1001-01")).isEqualTo("INVOICED");
        assertThat(jdbc.queryForObject("select count(*) from claim where release_id = 'FB-1001-01' and status = 'OPEN'",
                Integer.class)).isEqualTo(1);

        // the same acceptance again (a new interchange): refused, alerted, not invoiced twice
        clock.advance(Duration.ofHours(1));
        acme.upload("acc-1-again.edi", acceptance861("FB-1001", "FB-1001-01", "ACC-1", "000000503")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> kafka.on(ALERTS).stream().anyMatch(a -> a.value().contains("DUPLICATE_ACCEPTANCE")));
        await().atMost(WAIT).until(() -> acme.list("error").stream().anyMatch(n -> n.endsWith("acc-1-again.edi.error.txt")));

        // acme's 997 accepts our 810
        clock.advance(Duration.ofHours(1));
        String group = jdbc.queryForObject("select group_control_number from outbound_document where kind = '810' "
                + "and po_number = 'FB-1001'", String.class);
        acme.upload("997-for-810.edi", PartnerFunctionalAcks.about("000000504", "IN", group, "810", "A")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).until(() -> "A".equals(jdbc.queryForObject(
                "select acknowledged from outbound_document where kind = '810' and po_number = 'FB-1001'", String.class)));

        // the operator's lifecycle view tells the whole story of the PO in order
        HttpResponse<String> timeline = get("/api/v1/orders/acme/FB-1001/timeline", "olivia", "olivia-secret");
        assertThat(timeline.statusCode()).isEqualTo(200);
        JsonNode view = CanonicalJson.MAPPER.readTree(timeline.body());
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("releases")).extracting(r -> r.path("releaseId").asText() + " " + r.path("status").asText())
                .startsWith("FB-1001-01 INVOICED").endsWith("FB-1001-03 PLANNED").hasSize(3);
        List<String> story = new java.util.ArrayList<>();
        view.path("entries").forEach(e -> story.add(e.path("source").asText() + " " + e.path("kind").asText()));
        assertThat(story).containsSubsequence("DOCUMENT_IN 850", "DOCUMENT_OUT 997", "DOCUMENT_OUT 855",
                "EVENT RELEASE_REQUESTED", "SHIPMENT SHIPMENT", "DOCUMENT_OUT 856", "DOCUMENT_IN 861", "ACCEPTANCE ACCEPTANCE",
                "INVOICE INVOICE", "CLAIM CLAIM", "DOCUMENT_OUT 810", "DOCUMENT_OUT 997", "DOCUMENT_IN 861",
                "EVENT ACCEPTANCE_REFUSED", "DOCUMENT_OUT 997", "DOCUMENT_IN 997");
        assertThat(view.path("entries")).filteredOn(e -> e.path("kind").asText().equals("810"))
                .singleElement().satisfies(e -> assertThat(e.path("status").asText()).isEqualTo("acknowledged A"));
        assertThat(view.path("entries")).filteredOn(e -> e.path("kind").asText().equals("INVOICE"))
                .singleElement().satisfies(e -> assertThat(e.path("detail").asText()).startsWith("3400.00 USD, due 2027-02-19"));
        // and the refused acceptance is open; so may be the watchdog's, if a pass ran after the clock moved: for the
        // 855 and 856 acme never acknowledged, or the release shipped and not accepted by then
        List<String> watchdogKinds = Arrays.stream(Watchdog.Check.values()).map(Enum::name).toList();
        List<String> possible = new ArrayList<>(watchdogKinds);
        possible.add("ACCEPTANCE_REFUSED");
        assertThat(view.path("openAlerts")).extracting(a -> a.path("kind").asText()).contains("ACCEPTANCE_REFUSED")
                .isSubsetOf(possible);
        assertThat(view.path("entries")).filteredOn(e -> e.path("alert").asBoolean()
                        && !watchdogKinds.contains(e.path("kind").asText()))
                .singleElement().satisfies(e -> assertThat(e.path("detail").asText()).contains("DUPLICATE_ACCEPTANCE"));
        // acme may look at its own PO, nobody else's; an unknown PO is a 404
        assertThat(get("/api/v1/orders/acme/FB-1001/timeline", "acme", "acme-secret").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/orders/acme/FB-1001/timeline", "globex", "globex-secret").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/orders/acme/NO-SUCH-PO/timeline", "olivia", "olivia-secret").statusCode()).isEqualTo(404);

        // month 2 comes due a month later and is shipped; nobody accepts it, so nothing is invoiced
        clock.setDay(LocalDate.of(2027, 1, 16));
        await().atMost(WAIT).until(() -> requests().size() == 2);
        assertThat(requests().get(1).key()).isEqualTo("FB-1001-02");
        kafka.send(SHIPMENTS, "FB-1001-02", shipment("SHP-2", "FB-1001-02", "100"));
        await().atMost(WAIT).until(() -> "SHIPPED".equals(status("FB-1001-02")));
        assertThat(kafka.poll().stream().filter(r -> r.topic().equals(INVOICES)).map(KafkaTestClient.Received::key))
                .hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from invoice where release_id like 'FB-1001-%'", Integer.class))
                .isEqualTo(1);
        assertThat(status("FB-1001-03")).isEqualTo("PLANNED");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where sent_at is null and topic <> ? "
                + "and payload like '%FB-1001%'", Integer.class, ALERTS)).isZero();
    }

    /** The release requests for this test's PO: on the shared hub, other tests' orders come due as the clock moves. */
    private List<KafkaTestClient.Received> requests() {
        return kafka.on(REQUESTS).stream().filter(r -> r.key().startsWith("FB-1001-")).toList();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String status(String releaseId) {
        return jdbc.queryForObject("select status from order_release where partner_id = 'acme' and release_id = ?",
                String.class, releaseId);
    }

    static String shipment(String shipmentId, String releaseId, String quantity) {
        return """
                {"shipmentId": "%s", "partnerId": "acme", "releaseId": "%s", "shipDate": "2027-01-10", "carrier": "UPSN",
                 "trackingNumber": "1Z999AA10123456784", "lines": [{"lineNumber": "1", "quantity": %s, "unit": "EA"}]}
                """.formatted(shipmentId, releaseId, quantity);
    }

    /** An acme 850: line 1, 300 tablets at 43.00 (the contract says 42.50), 100 due on the 15th of Jan, Feb, Mar 2027. */
    static String order850(String po, String isa13) {
        return String.join("~\n",
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261120*0800*U*00401*" + isa13 + "*0*P*>",
                "GS*PO*ACMEFED*EDIHUB*20261120*0800*" + Integer.parseInt(isa13) + "*X*004010",
                "ST*850*0001",
                "BEG*00*BK*" + po + "**20261120*GSA-47QSWA-2026",
                "CUR*BY*USD",
                "N1*ST*ACME DEPOT 12*92*DEPOT12",
                "PO1*1*300*EA*43.00*PE*BP*ACM-77812*VP*EH-1001",
                "PID*F****RUGGED TABLET 10 INCH",
                "SCH*100*EA***002*20270115",
                "SCH*100*EA***002*20270215",
                "SCH*100*EA***002*20270315",
                "CTT*1",
                "SE*11*0001",
                "GE*1*" + Integer.parseInt(isa13),
                "IEA*1*" + isa13) + "~\n";
    }

    /** An acme 861 for one release: line 1 accepted 80, returned 15 (damaged), 5 in question. */
    static String acceptance861(String po, String releaseId, String acceptanceId, String isa13) {
        return Acceptance861Samples.partial(po, releaseId, acceptanceId, isa13);
    }
}
