package io.edihub.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.PoAcknowledgment.LineAck;
import io.edihub.canonical.PoAcknowledgment.LineStatus;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.ScheduleLine;
import io.edihub.canonical.ShipNotice;
import io.edihub.cash.PaymentEvent;
import io.edihub.document.BusinessDocumentsCsv;
import io.edihub.document.BusinessDocumentsJson;
import io.edihub.document.PublishedSchema;
import io.edihub.partner.Contract;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.partner.PartnerProfile.DocumentForm;
import io.edihub.x12.AcknowledgmentValidation;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.OurIdentity;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The same invoice written as an 810, an INVOIC, JSON and CSV; the same ship notice as an 856 and a DESADV (and JSON,
 * CSV); the same acknowledgment as an 855 and an ORDRSP (and JSON, CSV); a credit note as INVOIC 381 and CSV. Each is
 * compared with its golden file under {@code src/test/resources/forms/} ({@code -Dedihub.golden.update=true} rewrites
 * them; review the diff) and read back by its reader: X12 by StAEDI with our set schemas, EDIFACT by StAEDI's EDIFACT
 * reader and the D96A segment tables of the Smooks cartridge, JSON against its published schema and back into the
 * canonical record, CSV parsed back; then the facts each carries (numbers, references, parts, quantities, prices,
 * amounts) are the same in every form.
 */
class DocumentFormsGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/forms");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final Contract CONTRACT = ACME.contract();
    private static final Instant NOW = Instant.parse("2027-01-20T09:00:00Z");
    private static final LocalDate ORDERED = LocalDate.of(2026, 11, 2);
    private static final LocalDate SHIPPED = LocalDate.of(2027, 1, 8);
    private static final LocalDate INVOICED = LocalDate.of(2027, 1, 20);
    private static final long INTERCHANGE = 4711;
    /** always the same numbers, so that the golden files stay put */
    private static final ControlNumbers NUMBERS = (partner, kind) -> kind == ControlNumbers.Kind.INTERCHANGE ? INTERCHANGE
            : 17;

    private final OutgoingDocuments documents = new OutgoingDocuments(null, NUMBERS, US);

    // ---- the invoice

    @Test
    void theSameInvoiceAs810InvoicJsonAndCsvCarriesTheSameFacts() throws IOException {
        Invoice invoice = invoice();
        OutgoingDocuments.Written x12 = documents.invoice(invoice, taking(DocumentForm.X12), NOW).orElseThrow();
        OutgoingDocuments.Written invoic = documents.invoice(invoice, taking(DocumentForm.EDIFACT), NOW).orElseThrow();
        OutgoingDocuments.Written json = documents.invoice(invoice, taking(DocumentForm.JSON), NOW).orElseThrow();
        OutgoingDocuments.Written csv = documents.invoice(invoice, taking(DocumentForm.CSV), NOW).orElseThrow();
        golden("invoice.810.x12", x12.content());
        golden("invoice.invoic.edi", invoic.content());
        golden("invoice.json", json.content());
        golden("invoice.csv", csv.content());

        assertThat(x12.fileName()).isEqualTo("810-000004711-EDH-00000042.x12");
        assertThat(x12.kind()).isEqualTo("810");
        assertThat(invoic.fileName()).isEqualTo("invoic-4711-EDH-00000042.edi");
        assertThat(invoic.kind()).isEqualTo("INVOIC");
        assertThat(invoic.controlNumber()).isEqualTo("4711");
        assertThat(json.fileName()).isEqualTo("invoice-EDH-00000042.json");
        assertThat(csv.fileName()).isEqualTo("invoice-EDH-00000042.csv");

        InvoiceFacts expected = InvoiceFacts.of(invoice);
        assertThat(InvoiceFacts.ofX12(x12.content())).isEqualTo(expected);
        assertThat(InvoiceFacts.ofEdifact(invoic.content(), "380")).isEqualTo(expected);
        assertThat(InvoiceFacts.ofJson(json.content())).isEqualTo(expected);
        assertThat(InvoiceFacts.ofCsv(csv.content(), "invoice_number")).isEqualTo(expected);
        assertThat(CanonicalJson.read(json.content(), Invoice.class)).isEqualTo(invoice);
    }

    @Test
    void theInvoicCarriesTheTermsAndTheirDatesAndAddressesThePartnersEdifactId() {
        EdifactReadBack invoic = EdifactReadBack.read(documents.invoice(invoice(), taking(DocumentForm.EDIFACT), NOW)
                .orElseThrow().content());

        assertThat(invoic.problems()).isEmpty();
        assertThat(invoic.first("UNB")).isEqualTo("UNB+UNOC:3+EDIHUB:ZZZ+ACMEFED+270120:0900+4711");
        assertThat(invoic.first("UNH")).isEqualTo("UNH+4711+INVOIC:D:96A:UN");
        // UNH to UNT: every segment of the message counted
        int unh = invoic.segments().indexOf(invoic.first("UNH"));
        int unt = invoic.segments().indexOf(invoic.first("UNT"));
        assertThat(invoic.first("UNT")).isEqualTo("UNT+" + (unt - unh + 1) + "+4711");
        assertThat(invoic.first("UNZ")).isEqualTo("UNZ+1+4711");
        // basic terms from the invoice date, net 30, due 2027-02-19; 2 % discount until 2027-01-30: 198.28
        assertThat(invoic.all("PAT")).containsExactly("PAT+1++5:3:D:30", "PAT+22++5:3:D:10");
        assertThat(invoic.all("FTX")).containsExactly("FTX+AAB+++NET 30 2% 10");
        assertThat(invoic.all("DTM")).contains("DTM+137:20270120:102", "DTM+11:20270108:102", "DTM+13:20270219:102",
                "DTM+12:20270130:102", "DTM+171:20261102:102");
        assertThat(invoic.all("PCD")).containsExactly("PCD+12:2");
        assertThat(invoic.all("MOA")).containsExactly("MOA+52:198.28", "MOA+203:4250.00", "MOA+203:5664.00",
                "MOA+79:9914.00", "MOA+77:9914.00");
        assertThat(invoic.all("CUX")).containsExactly("CUX+2:USD:4");
        assertThat(invoic.all("CNT")).containsExactly("CNT+2:2");
    }

    @Test
    void theReadBackSeesAWrongCountAndASegmentOutOfItsPlace() throws IOException {
        String invoic = Files.readString(GOLDEN.resolve("invoice.invoic.edi"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(EdifactReadBack.read(invoic).problems()).isEmpty();

        assertThat(EdifactReadBack.read(invoic.replace("UNT+34+4711", "UNT+33+4711")).problems()).isNotEmpty();
        // the payment terms after the lines, and a message without its BGM
        assertThat(EdifactReadBack.read(invoic.replace("PCD+12:2'\n", "").replace("UNS+S'\n", "PCD+12:2'\nUNS+S'\n"))
                .problems()).anyMatch(p -> p.contains("PCD is not allowed here"));
        assertThat(D96aStructure.problems("INVOIC", List.of("DTM", "UNS", "MOA"))).anyMatch(p -> p.contains("BGM"));
        // and each segment against the D96A directory: codes, numbers, lengths, positions
        assertThat(D96aSegments.problems("RFF+ON:4500012345")).isEmpty();
        assertThat(D96aSegments.problems("RFF+XYZ:4500012345")).singleElement().asString().contains("not a code");
        assertThat(D96aSegments.problems("QTY+47:ten:EA")).singleElement().asString().contains("not a number");
        assertThat(D96aSegments.problems("BGM+380+" + "9".repeat(36) + "+9")).singleElement().asString()
                .contains("to 35 characters").contains("BGM02");
        assertThat(D96aSegments.problems("PAT+1+:::NET 30")).singleElement().asString().contains("mandatory");
        assertThat(D96aSegments.problems("CNT+2:2+3")).singleElement().asString().contains("data elements");
        assertThat(D96aStructure.problems("ORDRSP", List.of("BGM", "DTM", "UNS", "RFF")))
                .anyMatch(p -> p.contains("RFF is not allowed here"));
    }

    @Test
    void termsThatRunFromTheAcceptanceNameNoReferenceDayButCarryTheirDates() {
        Invoice invoice = invoice(LocalDate.of(2027, 1, 25));
        EdifactReadBack invoic = EdifactReadBack.read(documents.invoice(invoice, taking(DocumentForm.EDIFACT), NOW)
                .orElseThrow().content());

        assertThat(invoic.problems()).isEmpty();
        assertThat(invoic.all("PAT")).containsExactly("PAT+1", "PAT+22");
        assertThat(invoic.all("DTM")).contains("DTM+13:20270224:102", "DTM+12:20270204:102");
    }

    // ---- the ship notice

    @Test
    void theSameShipNoticeAs856DesadvJsonAndCsvCarriesTheSameFacts() throws IOException {
        ShipNotice notice = shipNotice();
        OutgoingDocuments.Written x12 = documents.shipNotice(notice, taking(DocumentForm.X12), NOW).orElseThrow();
        OutgoingDocuments.Written desadv = documents.shipNotice(notice, taking(DocumentForm.EDIFACT), NOW).orElseThrow();
        OutgoingDocuments.Written json = documents.shipNotice(notice, taking(DocumentForm.JSON), NOW).orElseThrow();
        OutgoingDocuments.Written csv = documents.shipNotice(notice, taking(DocumentForm.CSV), NOW).orElseThrow();
        golden("ship-notice.856.x12", x12.content());
        golden("ship-notice.desadv.edi", desadv.content());
        golden("ship-notice.json", json.content());
        golden("ship-notice.csv", csv.content());

        assertThat(x12.fileName()).isEqualTo("856-000004711-4500012345-01.x12");
        assertThat(desadv.fileName()).isEqualTo("desadv-4711-4500012345-01.edi");
        assertThat(json.fileName()).isEqualTo("ship-notice-SH-2027-000117.json");

        List<String> expected = shipFacts(notice);
        assertThat(AcknowledgmentValidation.problems(x12.content())).isEmpty();
        List<String> fromX12 = new ArrayList<>(List.of(field(x12.content(), "BSN", 2), field(x12.content(), "PRF", 1),
                field(x12.content(), "PRF", 2), field(x12.content(), "DTM", 2)));
        for (String sn1 : segments(x12.content(), "SN1")) {
            String[] e = sn1.split("\\*");
            fromX12.add(e[1] + "|" + plain(e[2]) + "|" + plain(e[5]) + "|" + e[3]);
        }
        assertThat(fromX12).isEqualTo(expected);

        EdifactReadBack read = EdifactReadBack.read(desadv.content());
        assertThat(read.problems()).isEmpty();
        List<String> fromDesadv = new ArrayList<>(List.of(read.first("BGM").split("\\+")[2],
                read.first("RFF").split(":")[1], read.all("RFF").get(1).split(":")[1], "20270108"));
        assertThat(read.all("DTM")).contains("DTM+11:20270108:102");
        List<String> quantities = read.all("QTY");
        List<String> lins = read.all("LIN");
        for (int i = 0; i < lins.size(); i++) {
            String[] shipped = quantities.get(2 * i).split("[+:]");
            String[] ordered = quantities.get(2 * i + 1).split("[+:]");
            assertThat(shipped[1]).isEqualTo("12");
            assertThat(ordered[1]).isEqualTo("21");
            fromDesadv.add(lins.get(i).substring(4) + "|" + plain(shipped[2]) + "|" + plain(ordered[2]) + "|" + shipped[3]);
        }
        assertThat(fromDesadv).isEqualTo(expected);
        assertThat(read.all("PIA")).containsExactly("PIA+5+EH-1001:SA+ACM-77812:BP", "PIA+5+EH-2040:SA+ACM-77813:BP");
        assertThat(read.all("TDT")).containsExactly("TDT+20++++UPSN");
        assertThat(read.all("RFF")).contains("RFF+CN:1Z999AA10123456784");
        assertThat(read.all("NAD")).containsExactly("NAD+SU+V-0042-EDIHUB::92");

        assertThat(schema(BusinessDocumentsJson.SHIP_NOTICE_SCHEMA_RESOURCE).validate(tree(json.content()), "")).isEmpty();
        assertThat(CanonicalJson.read(json.content(), ShipNotice.class)).isEqualTo(notice);
        List<CSVRecord> rows = csv(csv.content(), BusinessDocumentsCsv.SHIP_NOTICE_HEADER);
        List<String> fromCsv = new ArrayList<>(List.of(rows.get(0).get("shipment_id"), rows.get(0).get("po_number"),
                rows.get(0).get("release_id"), rows.get(0).get("ship_date").replace("-", "")));
        rows.forEach(r -> fromCsv.add(r.get("line_number") + "|" + plain(r.get("shipped")) + "|" + plain(r.get("ordered"))
                + "|" + r.get("unit")));
        assertThat(fromCsv).isEqualTo(expected);
    }

    // ---- the acknowledgment

    @Test
    void theSameAcknowledgmentAs855OrdrspJsonAndCsvCarriesTheSameFacts() throws IOException {
        PoAcknowledgment ack = acknowledgment();
        OutgoingDocuments.Written x12 = documents.acknowledgment(ack, taking(DocumentForm.X12), false, "004010", NOW)
                .orElseThrow();
        OutgoingDocuments.Written ordrsp = documents.acknowledgment(ack, taking(DocumentForm.EDIFACT), true, "004010", NOW)
                .orElseThrow();
        OutgoingDocuments.Written json = documents.acknowledgment(ack, taking(DocumentForm.JSON), true, "004010", NOW)
                .orElseThrow();
        OutgoingDocuments.Written csv = documents.acknowledgment(ack, taking(DocumentForm.CSV), true, "004010", NOW)
                .orElseThrow();
        golden("acknowledgment.855.x12", x12.content());
        golden("acknowledgment.ordrsp.edi", ordrsp.content());
        golden("acknowledgment.json", json.content());
        golden("acknowledgment.csv", csv.content());

        assertThat(x12.fileName()).isEqualTo("855-000004711-for-4500012400.x12");
        assertThat(ordrsp.fileName()).isEqualTo("ordrsp-4711-for-4500012400.edi");
        assertThat(json.fileName()).isEqualTo("po-ack-4500012400-" + NOW.toEpochMilli() + ".json");
        assertThat(csv.fileName()).isEqualTo("po-ack-4500012400-" + NOW.toEpochMilli() + ".csv");

        // per line: number, status, quantity, price; per delivery: quantity and date
        List<String> expected = List.of("4500012400", "1|IA|100|42.5", "60|20270115", "40|20270215", "2|IP|24|118",
                "24|20270115", "3|R1|5|");
        assertThat(AcknowledgmentValidation.problems(x12.content())).isEmpty();
        List<String> fromX12 = new ArrayList<>(List.of(field(x12.content(), "BAK", 3)));
        String line = null;
        for (String segment : x12.content().split("~\\R?")) {
            String[] e = segment.split("\\*", -1);
            if (e[0].equals("PO1")) {
                line = e[1] + "|%s|" + plain(e[2]) + "|" + plain(e[4]);
            } else if (e[0].equals("ACK")) {
                if (line != null) {
                    fromX12.add(line.formatted(e[1]));
                    line = null;
                }
                if (e.length > 5) {
                    fromX12.add(plain(e[2]) + "|" + e[5]);
                }
            }
        }
        assertThat(fromX12).isEqualTo(expected);

        EdifactReadBack read = EdifactReadBack.read(ordrsp.content());
        assertThat(read.problems()).isEmpty();
        assertThat(read.first("BGM")).isEqualTo("BGM+231+4500012400+30");
        assertThat(read.all("LIN")).containsExactly("LIN+1+5", "LIN+2+6", "LIN+3+7");
        Map<String, String> status = Map.of("5", "IA", "6", "IP", "7", "R1");
        List<String> fromOrdrsp = new ArrayList<>(List.of(read.first("BGM").split("\\+")[2]));
        String quantity = null;
        String price = "";
        String lineNumber = null;
        String action = null;
        List<String> deliveries = new ArrayList<>();
        for (String segment : read.segments()) {
            String[] e = segment.split("[+:]", -1);
            switch (e[0]) {
                case "LIN", "UNS" -> {
                    if (lineNumber != null) {
                        fromOrdrsp.add(lineNumber + "|" + status.get(action) + "|" + quantity + "|" + price);
                        fromOrdrsp.addAll(deliveries);
                    }
                    lineNumber = e[0].equals("LIN") ? e[1] : null;
                    action = e[0].equals("LIN") ? e[2] : null;
                    price = "";
                    deliveries.clear();
                }
                case "QTY" -> {
                    if (e[1].equals("21")) {
                        quantity = plain(e[2]);
                    } else {
                        deliveries.add(plain(e[2]) + "|");
                    }
                }
                case "DTM" -> {
                    if (e[1].equals("2")) {
                        deliveries.set(deliveries.size() - 1, deliveries.get(deliveries.size() - 1) + e[2]);
                    }
                }
                case "PRI" -> price = plain(e[2]);
                default -> {
                }
            }
        }
        assertThat(fromOrdrsp).isEqualTo(expected);
        // what the 855 cannot carry: why a line is not taken as ordered
        assertThat(read.all("FTX")).containsExactly("FTX+AAI+++ordered at 120.00; the contract price is 118.00",
                "FTX+AAI+++not a contract item");

        assertThat(schema(BusinessDocumentsJson.PO_ACKNOWLEDGMENT_SCHEMA_RESOURCE).validate(tree(json.content()), ""))
                .isEmpty();
        assertThat(CanonicalJson.read(json.content(), PoAcknowledgment.class)).isEqualTo(ack);
        List<CSVRecord> rows = csv(csv.content(), BusinessDocumentsCsv.PO_ACKNOWLEDGMENT_HEADER);
        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(r -> r.get("line_number") + "|" + r.get("status") + "|" + r.get("delivery_quantity")
                + "|" + r.get("delivery_date")).toList()).containsExactly("1|IA|60|2027-01-15", "1|IA|40|2027-02-15",
                        "2|IP|24|2027-01-15", "3|R1||");
        assertThat(rows.get(2).get("note")).isEqualTo("ordered at 120.00; the contract price is 118.00");
    }

    @Test
    void anAcknowledgmentAsOrderedIsAn855ForAnX12OrderAndJsonForTheOthers() {
        PartnerProfile asOrdered = taking(DocumentForm.AS_ORDERED);

        assertThat(documents.acknowledgment(acknowledgment(), asOrdered, true, "004010", NOW).orElseThrow().kind())
                .isEqualTo("855");
        assertThat(documents.acknowledgment(acknowledgment(), asOrdered, false, "004010", NOW).orElseThrow().kind())
                .isEqualTo("PO_ACK");
        assertThat(documents.acknowledgment(acknowledgment(), taking(DocumentForm.NONE), true, "004010", NOW)).isEmpty();
    }

    // ---- the credit note

    @Test
    void aCreditNoteIsAnInvoic381WithPositiveAmountsAndTheInvoiceItCredits() throws IOException {
        CreditNote note = creditNote();
        OutgoingDocuments.Written invoic = documents.creditNote(note, taking(DocumentForm.EDIFACT), NOW).orElseThrow();
        OutgoingDocuments.Written csv = documents.creditNote(note, taking(DocumentForm.CSV), NOW).orElseThrow();
        golden("credit-note.invoic.edi", invoic.content());
        golden("credit-note.csv", csv.content());

        EdifactReadBack read = EdifactReadBack.read(invoic.content());
        assertThat(read.problems()).isEmpty();
        assertThat(read.first("BGM")).isEqualTo("BGM+381+CN-2027-000007+9");
        assertThat(read.all("RFF")).contains("RFF+IV:EDH-00000042", "RFF+ON:4500012345");
        // a quantity at the invoice's price, and an amount alone (which an 810 cannot carry)
        assertThat(read.all("QTY")).containsExactly("QTY+47:2:EA");
        assertThat(read.all("MOA")).containsExactly("MOA+203:85.00", "MOA+203:25.00", "MOA+79:110.00", "MOA+77:110.00");
        assertThat(InvoiceFacts.ofCsv(csv.content(), "credit_note_number").total()).isEqualByComparingTo("110.00");
        List<CSVRecord> rows = csv(csv.content(), BusinessDocumentsCsv.CREDIT_NOTE_HEADER);
        assertThat(rows.stream().map(r -> r.get("invoice_number") + "|" + r.get("quantity") + "|" + r.get("amount")))
                .containsExactly("EDH-00000042|2|85.00", "EDH-00000042||25.00");
        // a partner that takes 810s gets an amount-only credit as an 812
        assertThat(documents.creditNote(note, taking(DocumentForm.X12), NOW).orElseThrow().kind()).isEqualTo("812");
    }

    @Test
    void aRemittanceIsAnsweredWithThePaymentAsAppliedOnlyWhenThePartnerAsks() {
        PaymentEvent event = new PaymentEvent("payment:41:remittance", "REMITTANCE", "acme", 41, "TRC-9301", "USD",
                new BigDecimal("9715.72"), INVOICED, "ACH", new BigDecimal("9715.72"), BigDecimal.ZERO.setScale(2),
                List.of(new PaymentEvent.Line("EDH-00000042", "PAID", new BigDecimal("9715.72"),
                        new BigDecimal("9715.72"), new BigDecimal("198.28"), BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2), null, "PAID", BigDecimal.ZERO.setScale(2), null)), "remittance 7", NOW);
        PartnerProfile asking = taking(DocumentForm.JSON);

        OutgoingDocuments.Written answer = documents.remittanceAnswer(event, "TRC-9301", asking).orElseThrow();
        assertThat(answer.fileName()).isEqualTo("payment-TRC-9301.json");
        assertThat(answer.kind()).isEqualTo("PAYMENT");
        JsonNode json = tree(answer.content());
        assertThat(schema(BusinessDocumentsJson.PAYMENT_SCHEMA_RESOURCE).validate(json, "")).isEmpty();
        assertThat(json.path("lines").get(0).path("discount").decimalValue()).isEqualByComparingTo("198.28");
        assertThat(documents.remittanceAnswer(event, "TRC-9301", taking(DocumentForm.X12))).isEmpty();
    }

    @Test
    void noneWritesNoFile() {
        PartnerProfile none = taking(DocumentForm.NONE);

        assertThat(documents.invoice(invoice(), none, NOW)).isEmpty();
        assertThat(documents.shipNotice(shipNotice(), none, NOW)).isEmpty();
        assertThat(documents.creditNote(creditNote(), none, NOW)).isEmpty();
    }

    // ---- samples

    /**
     * acme taking every document in this form (a return authorization, which has no EDIFACT or CSV form, as none; the
     * answer to a remittance only as JSON).
     */
    private static PartnerProfile taking(DocumentForm form) {
        PartnerProfile p = ACME;
        DocumentForm other = form == DocumentForm.AS_ORDERED ? DocumentForm.X12 : form;
        DocumentForm returns = other == DocumentForm.EDIFACT || other == DocumentForm.CSV ? DocumentForm.NONE : other;
        PartnerProfile.Documents documents = new PartnerProfile.Documents(form, other, other, other, returns,
                form == DocumentForm.JSON ? DocumentForm.JSON : DocumentForm.NONE);
        return new PartnerProfile(p.id(), p.name(), p.isaQualifier(), p.isaId(), p.gsId(), p.groupIds(), p.sftpAccount(),
                p.sftpDirectory(), p.ta1(), p.duplicateWindow(), p.releaseExtension(), p.edifactId(), p.functionalAck(),
                form != DocumentForm.NONE, p.leadTime(), p.priority(), p.contract(), form != DocumentForm.NONE,
                p.implicitAcceptanceAfter(), p.watchdog(), p.sftpServer(), p.claimDocuments(), p.mode(), p.maxFileBytes(),
                p.uploads(), documents);
    }

    private static Invoice invoice() {
        return invoice(LocalDate.of(2027, 1, 18));
    }

    /** acme's terms run from the later of invoice and acceptance (FAR 32.904). */
    private static Invoice invoice(LocalDate accepted) {
        List<Invoice.Line> lines = List.of(
                invoiceLine("1", "ACM-77812", "EH-1001", "RUGGED TABLET 10 INCH", "100", "EA"),
                invoiceLine("2", "ACM-77813", "EH-2040", "PROTECTIVE CASE PACK OF 12", "48", "CA"));
        BigDecimal total = lines.stream().map(Invoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Contract.PaymentTerms terms = CONTRACT.paymentTerms();
        LocalDate from = accepted.isAfter(INVOICED) ? accepted : INVOICED;
        return new Invoice("EDH-00000042", "acme", "ACC-2027-000042", "4500012345", ORDERED, "4500012345-01",
                CONTRACT.number(), CONTRACT.supplierNumber(), CONTRACT.currency(), INVOICED, SHIPPED, terms, accepted, from,
                from.plusDays(terms.netDays()), from.plusDays(terms.discountDays()),
                total.multiply(terms.discountPercent()).movePointLeft(2).setScale(2, RoundingMode.HALF_UP), lines, total);
    }

    private static Invoice.Line invoiceLine(String number, String buyerPart, String vendorPart, String description,
            String quantity, String unit) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal price = CONTRACT.unitPrice(vendorPart, buyerPart, SHIPPED, q).orElseThrow();
        return new Invoice.Line(number, buyerPart, vendorPart, description, q, unit, price,
                q.multiply(price).setScale(2, RoundingMode.HALF_UP));
    }

    private static ShipNotice shipNotice() {
        return new ShipNotice("SH-2027-000117", "acme", "4500012345", ORDERED, "4500012345-01", SHIPPED, "UPSN",
                "1Z999AA10123456784", CONTRACT.supplierNumber(), List.of(
                        new ShipNotice.Line("1", "ACM-77812", "EH-1001", new BigDecimal("100"), new BigDecimal("100"), "EA"),
                        new ShipNotice.Line("2", "ACM-77813", "EH-2040", new BigDecimal("48"), new BigDecimal("50"), "CA")));
    }

    private static List<String> shipFacts(ShipNotice notice) {
        List<String> facts = new ArrayList<>(List.of(notice.shipmentId(), notice.poNumber(), notice.releaseId(),
                notice.shipDate().toString().replace("-", "")));
        notice.lines().forEach(l -> facts.add(l.lineNumber() + "|" + plain(l.shipped().toPlainString()) + "|"
                + plain(l.ordered().toPlainString()) + "|" + l.unit()));
        return facts;
    }

    private static PoAcknowledgment acknowledgment() {
        List<LineAck> lines = List.of(
                new LineAck("1", "ACM-77812", "EH-1001", new BigDecimal("100"), "EA", new BigDecimal("42.50"), LineStatus.IA,
                        null, List.of(schedule("60", 2027, 1, 15), schedule("40", 2027, 2, 15)), "RUGGED TABLET 10 INCH"),
                new LineAck("2", "ACM-77813", "EH-2040", new BigDecimal("24"), "CA", new BigDecimal("118.00"), LineStatus.IP,
                        "ordered at 120.00; the contract price is 118.00", List.of(new ScheduleLine(new BigDecimal("24"),
                                "CA", LocalDate.of(2027, 1, 15), null)), "PROTECTIVE CASE PACK OF 12"),
                new LineAck("3", "ACM-99001", null, new BigDecimal("5"), "EA", null, LineStatus.R1, "not a contract item",
                        List.of(schedule("5", 2027, 1, 15)), "OFFICE CHAIR"));
        return new PoAcknowledgment("acme", "4500012400", null, PurchaseOrder.Purpose.ORIGINAL, PoAcknowledgment.Type.AC,
                ORDERED, ORDERED, CONTRACT.number(), CONTRACT.supplierNumber(), "USD", lines);
    }

    private static ScheduleLine schedule(String quantity, int year, int month, int day) {
        return new ScheduleLine(new BigDecimal(quantity), "EA", LocalDate.of(year, month, day), null);
    }

    private static CreditNote creditNote() {
        return new CreditNote("CN-2027-000007", "acme", "EDH-00000042", INVOICED, "4500012345", ORDERED,
                "4500012345-01", "CLM-2027-000003", "ACME-DISPUTE-88", CONTRACT.number(), CONTRACT.supplierNumber(), "USD",
                LocalDate.of(2027, 2, 3), "04", "two tablets returned damaged; handling refunded", List.of(
                        new CreditNote.Line("1", "ACM-77812", "EH-1001", "RUGGED TABLET 10 INCH", new BigDecimal("2"), "EA",
                                new BigDecimal("42.50"), new BigDecimal("85.00")),
                        new CreditNote.Line("2", "ACM-77813", "EH-2040", "PROTECTIVE CASE PACK OF 12", null, "CA", null,
                                new BigDecimal("25.00"))), new BigDecimal("110.00"));
    }

    // ---- reading back

    /** What an invoice says, in any form: numbers and references, per line part, quantity and price, the total. */
    record InvoiceFacts(String number, String poNumber, String releaseId, String contract, String supplier,
            List<String> lines, BigDecimal total) {

        static InvoiceFacts of(Invoice i) {
            return new InvoiceFacts(i.invoiceNumber(), i.poNumber(), i.releaseId(), i.contractNumber(), i.supplierNumber(),
                    i.lines().stream().map(l -> line(l.lineNumber(), l.buyerPart(), l.vendorPart(),
                            l.quantity().toPlainString(), l.unit(), l.unitPrice().toPlainString())).toList(),
                    i.total().setScale(2));
        }

        static InvoiceFacts ofX12(String x12) {
            assertThat(AcknowledgmentValidation.problems(x12)).isEmpty();
            List<String> lines = segments(x12, "IT1").stream().map(s -> s.split("\\*")).map(e -> line(e[1], e[7], e[9],
                    e[2], e[3], e[4])).toList();
            List<String> refs = segments(x12, "REF");
            return new InvoiceFacts(field(x12, "BIG", 2), field(x12, "BIG", 4), field(x12, "BIG", 5),
                    refs.get(0).split("\\*")[2], refs.get(1).split("\\*")[2], lines,
                    new BigDecimal(field(x12, "TDS", 1)).movePointLeft(2));
        }

        static InvoiceFacts ofEdifact(String text, String documentName) {
            EdifactReadBack read = EdifactReadBack.read(text);
            assertThat(read.problems()).isEmpty();
            String[] bgm = read.first("BGM").split("\\+");
            assertThat(bgm[1]).isEqualTo(documentName);
            Map<String, String> references = new java.util.HashMap<>();
            read.all("RFF").forEach(r -> references.put(r.substring(4).split(":")[0], r.split(":")[1]));
            List<String> lines = new ArrayList<>();
            List<String> segments = read.segments();
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).startsWith("LIN+")) {
                    String[] pia = segments.get(i + 1).split("[+:]");
                    String[] qty = segments.get(i + 3).split("[+:]");
                    String[] pri = segments.get(i + 5).split("[+:]");
                    lines.add(line(segments.get(i).substring(4), pia[4], pia[2], qty[2], qty[3], pri[2]));
                }
            }
            String total = read.all("MOA").stream().filter(m -> m.startsWith("MOA+77:")).findFirst().orElseThrow()
                    .substring(7);
            return new InvoiceFacts(bgm[2], references.get("ON"), references.get("AAN"), references.get("CT"),
                    read.first("NAD").split("[+:]")[2], lines, new BigDecimal(total));
        }

        static InvoiceFacts ofJson(String json) {
            assertThat(schema(BusinessDocumentsJson.INVOICE_SCHEMA_RESOURCE).validate(tree(json), "")).isEmpty();
            JsonNode tree = tree(json);
            List<String> lines = new ArrayList<>();
            tree.path("lines").forEach(l -> lines.add(line(l.path("lineNumber").asText(), l.path("buyerPart").asText(),
                    l.path("vendorPart").asText(), l.path("quantity").decimalValue().toPlainString(),
                    l.path("unit").asText(), l.path("unitPrice").decimalValue().toPlainString())));
            return new InvoiceFacts(tree.path("invoiceNumber").asText(), tree.path("poNumber").asText(),
                    tree.path("releaseId").asText(), tree.path("contractNumber").asText(),
                    tree.path("supplierNumber").asText(), lines, tree.path("total").decimalValue().setScale(2));
        }

        static InvoiceFacts ofCsv(String csv, String numberColumn) {
            List<CSVRecord> rows = csv(csv, numberColumn.startsWith("credit") ? BusinessDocumentsCsv.CREDIT_NOTE_HEADER
                    : BusinessDocumentsCsv.INVOICE_HEADER);
            CSVRecord first = rows.get(0);
            return new InvoiceFacts(first.get(numberColumn), first.get("po_number"), first.get("release_id"),
                    first.get("contract_number"), first.get("supplier_number"), rows.stream().map(r -> line(
                            r.get("line_number"), r.get("buyer_part"), r.get("vendor_part"), r.get("quantity"),
                            r.get("unit"), r.get("unit_price"))).toList(), new BigDecimal(first.get("total")));
        }

        private static String line(String number, String buyerPart, String vendorPart, String quantity, String unit,
                String price) {
            return number + "|" + buyerPart + "|" + vendorPart + "|" + plain(quantity) + "|" + unit + "|" + plain(price);
        }
    }

    private static String plain(String number) {
        return number == null || number.isEmpty() ? "" : new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    private static List<String> segments(String x12, String tag) {
        return Arrays.stream(x12.split("~\\R?")).filter(s -> s.startsWith(tag + "*")).toList();
    }

    private static String field(String x12, String tag, int position) {
        return segments(x12, tag).get(0).split("\\*")[position];
    }

    private static PublishedSchema schema(String resource) {
        return PublishedSchema.load(resource, new PublishedSchema.Wording("a document, a JSON object", Map.of(), Map.of(),
                Map.of()));
    }

    private static JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> csv(String csv, List<String> header) {
        try {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv));
            assertThat(parser.getHeaderNames()).isEqualTo(header);
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void golden(String name, String content) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        assertThat(content).isEqualTo(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
}
