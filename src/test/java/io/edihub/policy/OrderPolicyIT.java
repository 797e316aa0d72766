package io.edihub.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.ApiMapped;
import io.edihub.HubHttp;
import io.edihub.PartnerSftpClient;
import io.edihub.WholeHubTest;
import io.edihub.bench.InterchangeGenerator;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Release;
import io.edihub.local.LocalSftpServer;
import io.edihub.order.OrderStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order policy on the whole hub: orders over HTTP (JSON, CSV) and SFTP (X12 850 / 860) checked
 * against the partners' contracts, held orders released only after a person's decision over HTTP,
 * changes that keep release ids, and bad input answered with where and why.
 */
@WholeHubTest
class OrderPolicyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    LocalSftpServer sftpServer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderStore orders;

    HubHttp hub;
    PartnerSftpClient acme;
    PartnerSftpClient globex;

    @BeforeEach
    void connect() throws Exception {
        hub = new HubHttp(port);
        ApiMapped.await(port, "globex", "globex-secret");
        acme = new PartnerSftpClient(sftpServer.connectionFor("acme"));
        globex = new PartnerSftpClient(sftpServer.connectionFor("globex"));
    }

    @AfterEach
    void disconnect() {
        acme.close();
        globex.close();
    }

    /** A globex JSON order of 600 a month from January 2027 at 9.75, where the 2027 contract price is 10.10. */
    private static String globexOrder(String po) {
        return """
                {"poNumber": "%s", "purpose": "original", "type": "BK", "orderDate": "2026-11-02", "currency": "USD",
                 "lines": [{"lineNumber": "10", "buyerPart": "GLX-4411", "vendorPart": "EH-3300", "quantity": 2400,
                   "unit": "EA", "unitPrice": 9.75, "schedule": [
                     {"quantity": 600, "deliveryDate": "2027-01-10"}, {"quantity": 600, "deliveryDate": "2027-02-10"},
                     {"quantity": 600, "deliveryDate": "2027-03-10"}, {"quantity": 600, "deliveryDate": "2027-04-10"}]}]}
                """.formatted(po);
    }

    @Test
    void aHeldOrderIsReleasedOnlyAfterAPersonApprovesItOverHttp() throws Exception {
        HttpResponse<String> posted = hub.post("/api/v1/orders", "globex", "globex-secret", globexOrder("GX-HOLD-1"));
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode result = json(posted).path("orders").get(0);
        assertThat(result.path("result").asText()).isEqualTo("HELD");
        assertThat(result.path("message").asText()).contains("ordered at 9.75, contract price 10.1").contains("PRICE_DIFFERS");
        assertThat(result.has("acknowledgment")).as("no 855 while held").isFalse();
        assertThat(orders.releases("globex", "GX-HOLD-1")).hasSize(4).extracting(Release::status)
                .containsOnly(Release.Status.HELD);
        assertThat(alerts("globex", "GX-HOLD-1")).contains("HELD");

        // the partner cannot decide for itself; an operator can
        assertThat(hub.post("/api/v1/orders/globex/GX-HOLD-1/decision", "globex", "globex-secret",
                "{\"decision\": \"approve\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> decided = hub.post("/api/v1/orders/globex/GX-HOLD-1/decision", "olivia", "olivia-secret",
                "{\"decision\": \"approve\", \"comment\": \"price increase agreed by phone\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(json(decided).path("result").asText()).isEqualTo("ACCEPTED");
        assertThat(orders.releases("globex", "GX-HOLD-1")).extracting(Release::status).containsOnly(Release.Status.PLANNED);
        // released at the contract's price, never the PO's
        assertThat(orders.releases("globex", "GX-HOLD-1").get(0).lines().get(0).unitPrice()).isEqualByComparingTo("10.10");
        assertThat(jdbc.queryForObject("select decided_by || ' ' || decision || ': ' || comment from order_decision d "
                + "join purchase_order o on o.id = d.order_id where o.po_number = 'GX-HOLD-1'", String.class))
                .isEqualTo("olivia APPROVE: price increase agreed by phone");
        // the acknowledgment owed since the hold reaches the partner's outbound folder
        await().atMost(WAIT).untilAsserted(() -> assertThat(globex.list("outbound"))
                .anyMatch(n -> n.startsWith("po-ack-GX-HOLD-1-") && n.endsWith(".json")));
        String ack = globex.read("outbound/" + globex.list("outbound").stream()
                .filter(n -> n.startsWith("po-ack-GX-HOLD-1-")).findFirst().orElseThrow());
        assertThat(CanonicalJson.MAPPER.readTree(ack).path("lines").get(0).path("status").asText()).isEqualTo("IP");

        assertThat(hub.post("/api/v1/orders/globex/GX-HOLD-1/decision", "olivia", "olivia-secret",
                "{\"decision\": \"reject\"}").statusCode()).as("nothing left to decide").isEqualTo(409);
    }

    @Test
    void twoDecisionsAtOnceCannotBothApply() throws Exception {
        assertThat(hub.post("/api/v1/orders", "globex", "globex-secret", globexOrder("GX-RACE-1")).statusCode()).isEqualTo(201);
        var approve = java.util.concurrent.CompletableFuture.supplyAsync(() -> decide("GX-RACE-1", "approve"));
        var reject = java.util.concurrent.CompletableFuture.supplyAsync(() -> decide("GX-RACE-1", "reject"));
        assertThat(List.of(approve.get(), reject.get())).containsExactlyInAnyOrder(200, 409);
        String status = jdbc.queryForObject("select status from purchase_order where po_number = 'GX-RACE-1'", String.class);
        assertThat(orders.releases("globex", "GX-RACE-1")).extracting(Release::status)
                .containsOnly("OPEN".equals(status) ? Release.Status.PLANNED : Release.Status.CANCELLED);
        assertThat(jdbc.queryForObject("select count(*) from order_decision d join purchase_order o on o.id = d.order_id "
                + "where o.po_number = 'GX-RACE-1'", Integer.class)).isEqualTo(1);
    }

    /**
     * A blanket order of 500 lines x 24 monthly SCH (12,000 deliveries) over SFTP is stored whole and as sent: every
     * line, every schedule line and every release line, compared with the segments of the file, not with what the
     * hub's reader made of them. It is worth more than acme's limits, so it is held; approved, its releases are planned
     * with the same lines.
     */
    @Test
    void aBlanketOrderOf500LinesBy24MonthsIsStoredWholeAndAsSent() throws Exception {
        String po = "AC-BIG-500";
        byte[] x12 = InterchangeGenerator.bigOrder(500, 24, 700_000_501, po).bytes();
        List<String> sentLines = new java.util.ArrayList<>();
        List<String> sentSchedule = new java.util.ArrayList<>();
        List<String> sentReleaseLines = new java.util.ArrayList<>();
        java.time.YearMonth first = null;
        String[] po1 = null;
        for (String segment : new String(x12, StandardCharsets.US_ASCII).split("~\n")) {
            String[] e = segment.split("\\*", -1);
            if (e[0].equals("PO1")) {
                po1 = e;
            } else if (e[0].equals("PID")) {
                // line number, buyer part, vendor part, description, quantity, unit, price
                sentLines.add(String.join("|", po1[1], po1[7], po1[9], e[5], po1[2], po1[3],
                        new java.math.BigDecimal(po1[4]).stripTrailingZeros().toPlainString()));
            } else if (e[0].equals("SCH")) {
                java.time.LocalDate due = java.time.LocalDate.parse(e[6], java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                first = first == null || java.time.YearMonth.from(due).isBefore(first) ? java.time.YearMonth.from(due) : first;
                sentSchedule.add(String.join("|", po1[1], e[1], e[2], due.toString()));
                // held at the prices it will be invoiced at (acme.yaml): the tablet's second period from July 2028
                String price = po1[7].equals("ACM-77812") ? due.isBefore(java.time.LocalDate.of(2028, 7, 1)) ? "42.5" : "44"
                        : "118";
                sentReleaseLines.add(String.join("|", due.toString().substring(0, 7), po1[1], due.toString(), e[1], e[2],
                        price));
            }
        }
        assertThat(sentLines).hasSize(500);
        assertThat(sentSchedule).hasSize(12_000);

        acme.upload("big-500x24.edi", x12);
        await().atMost(Duration.ofMinutes(2)).until(() -> acme.list("outbound").stream().anyMatch(n -> n.startsWith("997-")
                && n.endsWith("-for-700000501.x12")));
        assertThat(jdbc.queryForObject("select status from purchase_order where partner_id = 'acme' and po_number = ?",
                String.class, po)).as("over the order and release limits").isEqualTo("HELD");
        Long id = jdbc.queryForObject("select id from purchase_order where partner_id = 'acme' and po_number = ?", Long.class,
                po);
        assertThat(jdbc.queryForList("select line_number || '|' || buyer_part || '|' || vendor_part || '|' || description "
                + "|| '|' || trim_scale(quantity) || '|' || unit || '|' || trim_scale(unit_price) from order_line "
                + "where order_id = ?", String.class, id)).containsExactlyInAnyOrderElementsOf(sentLines);
        assertThat(jdbc.queryForList("select line_number || '|' || trim_scale(quantity) || '|' || unit || '|' || "
                + "delivery_date || coalesce('|' || reference, '') from schedule_line_overview where order_id = ?", String.class, id))
                .containsExactlyInAnyOrderElementsOf(sentSchedule);
        java.time.YearMonth anchor = first;
        List<String> releaseLines = List.copyOf(sentReleaseLines.stream().map(l -> po + "-" + String.format("%02d",
                anchor.until(java.time.YearMonth.parse(l.substring(0, 7)), java.time.temporal.ChronoUnit.MONTHS) + 1)
                + l.substring(7)).toList());
        String storedReleaseLines = "select rl.release_id || '|' || rl.line_number || '|' || rl.due_date || '|' || "
                + "trim_scale(rl.quantity) || '|' || rl.unit || '|' || trim_scale(rl.unit_price) from release_line rl "
                + "join order_release r on r.partner_id = rl.partner_id and r.release_id = rl.release_id where r.order_id = ?";
        assertThat(jdbc.queryForList(storedReleaseLines, String.class, id)).containsExactlyInAnyOrderElementsOf(releaseLines);
        assertThat(orders.releases("acme", po)).hasSize(25).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Release.Status.HELD);
            assertThat(r.releaseId()).startsWith(po + "-");
        }).flatExtracting(Release::lines).hasSize(12_000);
        assertThat(jdbc.queryForObject("select value from purchase_order where id = ?", java.math.BigDecimal.class, id))
                .isEqualByComparingTo(orders.releases("acme", po).stream().map(Release::value)
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));

        HttpResponse<String> approved = hub.post("/api/v1/orders/acme/" + po + "/decision", "olivia", "olivia-secret",
                "{\"decision\": \"approve\", \"comment\": \"framework agreement\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(orders.releases("acme", po)).extracting(Release::status).containsOnly(Release.Status.PLANNED);
        assertThat(jdbc.queryForList(storedReleaseLines, String.class, id)).containsExactlyInAnyOrderElementsOf(releaseLines);
    }

    private int decide(String po, String decision) {
        try {
            return hub.post("/api/v1/orders/globex/" + po + "/decision", "olivia", "olivia-secret",
                    "{\"decision\": \"" + decision + "\"}").statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientCannotPassItselfOffAsAnotherPartnerOrAnOperator() throws Exception {
        HttpResponse<String> spoofed = hub.send(hub.request("/%61pi/v1/orders?partner=globex&EdiHubCaller=globex", "acme",
                "acme-secret").header("EdiHubCaller", "globex").header("EdiHubCallerRole", "OPERATOR")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(globexOrder("SPOOF-1").replace("GLX-4411", "ACM-77812")
                        .replace("EH-3300", "EH-1001"))));
        assertThat(spoofed.statusCode()).as(spoofed.body()).isIn(201, 400, 401, 403, 404);
        assertThat(jdbc.queryForList("select partner_id from purchase_order where po_number = 'SPOOF-1'", String.class))
                .doesNotContain("globex");
        HttpResponse<String> form = hub.send(hub.request("/api/v1/orders", "acme", "acme-secret")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(globexOrder("FORM-1"))));
        assertThat(form.statusCode()).isEqualTo(415);
    }

    @Test
    void aRejectedHeldOrderIsNeverReleased() throws Exception {
        assertThat(hub.post("/api/v1/orders", "globex", "globex-secret", globexOrder("GX-HOLD-2")).statusCode()).isEqualTo(201);
        HttpResponse<String> decided = hub.post("/api/v1/orders/globex/GX-HOLD-2/decision", "olivia", "olivia-secret",
                "{\"decision\": \"reject\", \"comment\": \"no price increase this year\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(orders.releases("globex", "GX-HOLD-2")).extracting(Release::status).containsOnly(Release.Status.CANCELLED);
        assertThat(hub.get("/api/v1/orders/globex/GX-HOLD-2", "olivia", "olivia-secret").body()).contains("\"status\" : \"REJECTED\"")
                .contains("rejected by olivia: no price increase this year");
        assertThat(hub.get("/api/v1/orders/globex/GX-HOLD-2", "acme", "acme-secret").statusCode()).isEqualTo(403);
        // and a later change does not bring it back
        HttpResponse<String> change = hub.post("/api/v1/orders", "globex", "globex-secret", """
                {"poNumber": "GX-HOLD-2", "purpose": "change", "revision": "2", "orderDate": "2026-11-02",
                 "lines": [{"lineNumber": "10", "quantity": 600, "unit": "EA", "unitPrice": 10.10,
                   "schedule": [{"quantity": 600, "deliveryDate": "2027-01-10"}]}]}
                """);
        assertThat(change.statusCode()).isEqualTo(422);
        assertThat(json(change).path("orders").get(0).path("code").asText()).isEqualTo("ORDER_CLOSED");
        assertThat(orders.releases("globex", "GX-HOLD-2")).extracting(Release::status).containsOnly(Release.Status.CANCELLED);
    }

    @Test
    void an860MovingQuantityFromMonthTwoToFourKeepsEveryReleaseId() throws Exception {
        acme.upload("blanket-4500012345.edi", sample("acme/blanket-12-month-schedule.edi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive"))
                .anyMatch(n -> n.endsWith("-blanket-4500012345.edi")));
        List<String> before = orders.releases("acme", "4500012345").stream().map(Release::releaseId).toList();
        assertThat(before).hasSize(12);
        // the 855 goes by the delivery route once the 997 is written
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("outbound")).as("855 for the order")
                .anyMatch(n -> n.startsWith("855-") && n.endsWith("-for-4500012345.x12")));

        acme.upload("change.edi", sample("acme/changes/move-quantity-month2-to-month4.edi"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-change.edi")));
        List<Release> after = orders.releases("acme", "4500012345");
        assertThat(after).extracting(Release::releaseId).containsExactlyElementsOf(before);
        assertThat(after).extracting(Release::status).containsOnly(Release.Status.PLANNED);
        assertThat(quantity(after.get(1), "1")).as("February, line 1").isZero();
        assertThat(quantity(after.get(3), "1")).as("April, line 1").isEqualByComparingTo("200");
        String ack997 = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.endsWith("-for-000000401.x12"))
                .findFirst().orElseThrow());
        assertThat(ack997).contains("AK1*PC*4001~", "AK2*860*0001~", "AK5*A~");

        // the same change again (new interchange number) is a business duplicate: not applied twice
        acme.upload("change-again.edi", new String(sample("acme/changes/move-quantity-month2-to-month4.edi"),
                StandardCharsets.US_ASCII).replace("000000401", "000000402").getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error")).anyMatch(n -> n.endsWith("-change-again.edi")));
        assertThat(acme.read("error/" + acme.list("error").stream().filter(n -> n.endsWith("-change-again.edi.error.txt"))
                .findFirst().orElseThrow())).contains("DUPLICATE_REVISION");

        // March is shipped: a change that takes quantity out of it is recorded, alerted and answered, not applied
        jdbc.update("update order_release set status = 'SHIPPED' where release_id = '4500012345-03'");
        jdbc.update("update release_line set released = quantity, shipped = quantity where release_id = '4500012345-03'");
        HttpResponse<String> changed = hub.post("/api/v1/orders", "acme", "acme-secret", """
                {"poNumber": "4500012345", "purpose": "change", "revision": "2", "orderDate": "2026-11-02",
                 "lines": [{"lineNumber": "2", "quantity": 550, "unit": "CA", "unitPrice": 118.00, "vendorPart": "EH-2040",
                   "buyerPart": "ACM-77813", "schedule": [%s]}]}
                """.formatted(monthly(50, "2027-04-15", 11)));
        assertThat(changed.statusCode()).isEqualTo(201);
        JsonNode answer = json(changed).path("orders").get(0);
        assertThat(answer.path("result").asText()).isEqualTo("ACCEPTED");
        assertThat(answer.path("message").asText()).contains("release 4500012345-03 (SHIPPED), line 2")
                .contains("already shipped; it stays at 50");
        assertThat(answer.path("acknowledgment").path("lines").get(1).path("status").asText()).isEqualTo("IQ");
        assertThat(alerts("acme", "4500012345")).contains("CHANGE_NOT_APPLIED");
        List<Release> afterShipped = orders.releases("acme", "4500012345");
        assertThat(quantity(afterShipped.get(2), "2")).as("March stays as shipped").isEqualByComparingTo("50");
        assertThat(afterShipped.get(1).lines()).as("February lost line 2").extracting(Release.ReleaseLine::lineNumber)
                .doesNotContain("2");
    }

    @Test
    void badDocumentsOverHttpGetTheirPlaceAndReasonAndNothingIsTaken() throws Exception {
        HttpResponse<String> notJson = hub.post("/api/v1/orders", "acme", "acme-secret", "{\"poNumber\": \"1\",\n \"lines\": [");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson).path("errors").get(0).path("code").asText()).isEqualTo("NOT_JSON");
        assertThat(json(notJson).path("errors").get(0).path("location").asText()).contains("line 2");

        HttpResponse<String> schema = hub.post("/api/v1/orders", "acme", "acme-secret", globexOrder("BAD-1")
                .replace("\"quantity\": 2400", "\"quantity\": -5").replace("\"unitPrice\"", "\"unitPrise\""));
        assertThat(schema.statusCode()).isEqualTo(400);
        assertThat(schema.body()).contains("/lines/0/quantity").contains("unitPrise");

        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        HttpResponse<String> tooLarge = hub.send(hub.request("/api/v1/orders", "acme", "acme-secret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("TOO_LARGE").contains("1048576-byte limit");

        HttpResponse<String> missingColumn = hub.post("/api/v1/orders", "acme", "acme-secret",
                "po_number,line,vendor_part,quantity,unit_price,delivery_date\n4500077777,1,EH-1001,5,42.50,2027-01-15\n");
        assertThat(missingColumn.statusCode()).isEqualTo(400);
        assertThat(missingColumn.body()).contains("required column order_date is missing");
        HttpResponse<String> mixed = hub.post("/api/v1/orders", "acme", "acme-secret", """
                po_number,order_date,line,vendor_part,quantity,unit,unit_price,delivery_date
                4500077777,2026-11-02,1,EH-1001,5,EA,42.50,2027-01-15
                4500077778,2026-11-02,1,EH-1001,5,EA,42.50,2027-02-15
                """);
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(mixed.body()).contains("row 3").contains("4500077778");

        assertThat(hub.post("/api/v1/orders", "acme", "wrong", globexOrder("X")).statusCode()).isEqualTo(401);
        assertThat(hub.post("/api/v1/orders", "acme", "acme-secret", new String(sample("acme/standalone-no-schedule.edi"),
                StandardCharsets.US_ASCII)).statusCode()).isEqualTo(415);
        HttpResponse<String> unknown = hub.post("/api/v1/orders", "acme", "acme-secret",
                "{\"poNumber\": \"NO-SUCH-PO\", \"purpose\": \"change\", \"revision\": \"1\", \"orderDate\": \"2026-11-02\", "
                        + "\"lines\": [{\"lineNumber\": \"1\", \"action\": \"delete\"}]}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(json(unknown).path("orders").get(0).path("code").asText()).isEqualTo("UNKNOWN_ORDER");
        // every body that was read is kept, refused or not
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where channel = 'HTTP' and outcome = 'REJECTED'",
                Integer.class)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anEmptyOrBlankBodyIsA400SayingSoAndAnyBodyOverTheLimitA413WhateverItsFormat() throws Exception {
        for (String path : List.of("/api/v1/orders", "/api/v1/acceptances")) {
            HttpResponse<String> empty = hub.post(path, "acme", "acme-secret", "");
            assertThat(empty.statusCode()).as(path).isEqualTo(400);
            assertThat(json(empty).path("status").asText()).isEqualTo("REJECTED");
            assertThat(json(empty).path("errors").get(0).path("code").asText()).isEqualTo("EMPTY");
            assertThat(json(empty).path("errors").get(0).path("message").asText())
                    .startsWith("the request body is empty (0 bytes)");

            HttpResponse<String> blank = hub.postJson(path, "acme", "acme-secret", "\n  \r\n\t");
            assertThat(blank.statusCode()).as(path).isEqualTo(400);
            assertThat(json(blank).path("errors").get(0).path("code").asText()).isEqualTo("EMPTY");
            assertThat(json(blank).path("errors").get(0).path("message").asText())
                    .startsWith("the request body holds only whitespace (6 bytes of spaces, tabs or line ends)");
        }
        // X12 is not taken over HTTP (415), but the size limit comes first: a huge body is never read
        byte[] x12 = InterchangeGenerator.onAcmeContract(InterchangeGenerator.setsForSize(2 * 1048576), 8101).bytes();
        HttpResponse<String> tooLarge = hub.send(hub.request("/api/v1/orders", "acme", "acme-secret")
                .POST(HttpRequest.BodyPublishers.ofByteArray(x12)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("TOO_LARGE", "1048576-byte limit");
        HttpResponse<String> small = hub.post("/api/v1/orders", "acme", "acme-secret",
                new String(InterchangeGenerator.onAcmeContract(1, 8102).bytes(), StandardCharsets.US_ASCII));
        assertThat(small.statusCode()).isEqualTo(415);
        assertThat(jdbc.queryForObject("select count(*) from inbound_document where channel = 'HTTP' and size_bytes = 0",
                Integer.class)).isZero();
    }

    @Test
    void hugeNumbersAndATakenReleaseIdAreAnsweredNotRetried() throws Exception {
        // 15 digits of quantity at 15 digits of price: held over the limits, stored, answered
        HttpResponse<String> huge = hub.post("/api/v1/orders", "acme", "acme-secret", """
                {"poNumber": "4500088888", "orderDate": "2026-11-02", "lines": [{"lineNumber": "1", "vendorPart": "EH-1001",
                  "quantity": 999999999999999, "unit": "EA", "unitPrice": "999999999999999.999999",
                  "schedule": [{"quantity": 999999999999999, "deliveryDate": "2027-01-15"}]}]}
                """);
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(201);
        assertThat(json(huge).path("orders").get(0).path("result").asText()).isEqualTo("HELD");

        assertThat(hub.post("/api/v1/orders", "acme", "acme-secret", """
                {"poNumber": "4500088889", "orderDate": "2026-11-02", "lines": [{"lineNumber": "1", "vendorPart": "EH-1001",
                  "quantity": 10, "unit": "EA", "unitPrice": 42.50, "schedule": [{"quantity": 10, "deliveryDate": "2027-01-15"}]}]}
                """).statusCode()).isEqualTo(201);
        // a release against PO 4500088889 numbered 01 would be 4500088889-01, which the first order's January has
        HttpResponse<String> clash = hub.post("/api/v1/orders", "acme", "acme-secret", """
                {"poNumber": "4500088889", "releaseNumber": "01", "type": "RL", "orderDate": "2026-11-02",
                 "lines": [{"lineNumber": "1", "vendorPart": "EH-1001", "quantity": 5, "unit": "EA", "unitPrice": 42.50,
                   "schedule": [{"quantity": 5, "deliveryDate": "2027-02-15"}]}]}
                """);
        assertThat(clash.statusCode()).as(clash.body()).isEqualTo(422);
        assertThat(json(clash).path("orders").get(0).path("code").asText()).isEqualTo("RELEASE_ID_TAKEN");
    }

    @Test
    void aCsvOrderLandsLikeTheSameOrderInJsonAndIsTakenOnce() throws Exception {
        String csv = Files.readString(Path.of("edi-samples/acme/formats/blanket-12-month-schedule.order.csv"))
                .replace("4500012345", "4500055555");
        HttpResponse<String> first = hub.post("/api/v1/orders", "acme", "acme-secret", csv);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("orders").get(0).path("acknowledgment").path("type").asText()).isEqualTo("AD");
        assertThat(orders.releases("acme", "4500055555")).hasSize(12);
        HttpResponse<String> again = hub.post("/api/v1/orders", "acme", "acme-secret", csv);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("orders").get(0).path("code").asText()).isEqualTo("DUPLICATE_ORDER");
    }

    @Test
    void an860ForAnUnknownOrderIsRefusedInThe997AndKeptInError() throws Exception {
        acme.upload("unknown-change.edi", new String(sample("acme/changes/move-quantity-month2-to-month4.edi"),
                StandardCharsets.US_ASCII).replace("4500012345", "4500099999").replace("000000401", "000000409")
                .getBytes(StandardCharsets.US_ASCII));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-unknown-change.edi.error.txt")));
        assertThat(acme.read("error/" + acme.list("error").stream().filter(n -> n.endsWith("-unknown-change.edi.error.txt"))
                .findFirst().orElseThrow())).contains("UNKNOWN_ORDER").contains("PO 4500099999 is not on file");
        String ack = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.endsWith("-for-000000409.x12"))
                .findFirst().orElseThrow());
        assertThat(ack).contains("AK2*860*0001~", "AK5*R").contains("AK9*R");
    }

    @Test
    void aJsonOrderOverSftpIsRecognisedByItsContentNotItsName() throws Exception {
        globex.upload("order-from-erp.txt", globexOrder("GX-SFTP-1").getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(globex.list("archive"))
                .anyMatch(n -> n.endsWith("-order-from-erp.txt")));
        String answer = globex.read("outbound/" + globex.list("outbound").stream()
                .filter(n -> n.endsWith("-order-from-erp.txt.response.json")).findFirst().orElseThrow());
        JsonNode response = CanonicalJson.MAPPER.readTree(answer);
        assertThat(response.path("format").asText()).isEqualTo("JSON");
        assertThat(response.path("orders").get(0).path("result").asText()).isEqualTo("HELD");
        assertThat(orders.releases("globex", "GX-SFTP-1")).extracting(Release::status).containsOnly(Release.Status.HELD);
    }

    @Test
    void anEdifactOrderOverSftpLandsWithItsReleasesAndIsAnsweredWithContrl() throws Exception {
        acme.upload("orders.edifact", new String(sample("acme/formats/blanket-12-month-schedule.orders.edifact"),
                StandardCharsets.ISO_8859_1).replace("4500012345", "4500066666").getBytes(StandardCharsets.ISO_8859_1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(acme.list("archive"))
                .anyMatch(n -> n.endsWith("-orders.edifact")));
        assertThat(orders.releases("acme", "4500066666")).hasSize(12).extracting(Release::status)
                .containsOnly(Release.Status.PLANNED);
        String contrl = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("contrl-")
                && n.endsWith("-for-101.edifact")).findFirst().orElseThrow());
        assertThat(contrl).contains("UCI+101+ACMEFED:ZZZ+EDIHUB:ZZZ+7'");

        acme.upload("bad-quantity.edifact", sample("acme/broken-edifact/bad-quantity.edifact"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("error"))
                .anyMatch(n -> n.endsWith("-bad-quantity.edifact.error.txt")));
        assertThat(acme.read("error/" + acme.list("error").stream().filter(n -> n.endsWith("-bad-quantity.edifact.error.txt"))
                .findFirst().orElseThrow())).contains("segment 19 QTY").contains("'12O0' is not a number");
        assertThat(acme.list("outbound")).as("a CONTRL rejecting it").filteredOn(n -> n.startsWith("contrl-")).hasSize(2);
    }

    private static java.math.BigDecimal quantity(Release release, String line) {
        return release.lines().stream().filter(l -> l.lineNumber().equals(line)).map(Release.ReleaseLine::quantity)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    private static String monthly(int quantity, String first, int months) {
        java.time.LocalDate start = java.time.LocalDate.parse(first);
        List<String> entries = new java.util.ArrayList<>();
        for (int i = 0; i < months; i++) {
            entries.add("{\"quantity\": " + quantity + ", \"deliveryDate\": \"" + start.plusMonths(i) + "\"}");
        }
        return String.join(", ", entries);
    }

    private List<String> alerts(String partner, String po) {
        return jdbc.queryForList("select kind from order_event where partner_id = ? and po_number = ? and alert", String.class,
                partner, po);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return CanonicalJson.MAPPER.readTree(response.body());
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("edi-samples", name));
    }
}
