package io.edihub.document;

import io.edihub.canonical.CreditNote;
import io.edihub.canonical.Invoice;
import io.edihub.canonical.PoAcknowledgment;
import io.edihub.canonical.ScheduleLine;
import io.edihub.canonical.ShipNotice;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the business documents a customer takes as CSV files (YAML {@code documents.*: csv}): one row per line (per
 * confirmed delivery for an acknowledgment), the document's header fields repeated on every row, under a header row of
 * the names below (docs/formats.md lists them). RFC 4180: comma-separated, CRLF, a value with a comma, quote or line
 * break in quotes; UTF-8; dates YYYY-MM-DD, plain decimal numbers, an absent value empty. Thread-safe.
 */
public final class BusinessDocumentsCsv {

    public static final List<String> INVOICE_HEADER = List.of("invoice_number", "invoice_date", "po_number",
            "order_date", "release_id", "contract_number", "supplier_number", "currency", "ship_date", "terms",
            "terms_from", "due_date", "discount_date", "discount_allowed", "total", "line_number", "buyer_part",
            "vendor_part", "description", "quantity", "unit", "unit_price", "amount");
    public static final List<String> CREDIT_NOTE_HEADER = List.of("credit_note_number", "credit_date", "invoice_number",
            "invoice_date", "po_number", "order_date", "release_id", "claim_number", "customer_reference",
            "contract_number", "supplier_number", "currency", "reason", "reason_text", "total", "line_number",
            "buyer_part", "vendor_part", "description", "quantity", "unit", "unit_price", "amount");
    public static final List<String> SHIP_NOTICE_HEADER = List.of("shipment_id", "ship_date", "po_number", "order_date",
            "release_id", "carrier", "tracking_number", "supplier_number", "line_number", "buyer_part", "vendor_part",
            "shipped", "ordered", "unit");
    public static final List<String> PO_ACKNOWLEDGMENT_HEADER = List.of("po_number", "release_number", "purpose", "type",
            "order_date", "date", "contract_number", "supplier_number", "currency", "line_number", "buyer_part",
            "vendor_part", "quantity", "unit", "unit_price", "status", "note", "description", "delivery_quantity",
            "delivery_date");

    private BusinessDocumentsCsv() {
    }

    public static String invoice(Invoice i) {
        List<List<String>> rows = new ArrayList<>();
        for (Invoice.Line l : i.lines()) {
            rows.add(values(i.invoiceNumber(), i.invoiceDate(), i.poNumber(), i.orderDate(), i.releaseId(),
                    i.contractNumber(), i.supplierNumber(), i.currency(), i.shipDate(),
                    i.terms() == null ? null : i.terms().description(), i.termsFrom(), i.dueDate(), i.discountDate(),
                    i.discountAllowed(), i.total(), l.lineNumber(), l.buyerPart(), l.vendorPart(), l.description(),
                    l.quantity(), l.unit(), l.unitPrice(), l.amount()));
        }
        return print(INVOICE_HEADER, rows);
    }

    public static String creditNote(CreditNote n) {
        List<List<String>> rows = new ArrayList<>();
        for (CreditNote.Line l : n.lines()) {
            rows.add(values(n.creditNoteNumber(), n.creditDate(), n.invoiceNumber(), n.invoiceDate(), n.poNumber(),
                    n.orderDate(), n.releaseId(), n.claimNumber(), n.customerReference(), n.contractNumber(),
                    n.supplierNumber(), n.currency(), n.reason(), n.reasonText(), n.total(), l.lineNumber(), l.buyerPart(),
                    l.vendorPart(), l.description(), l.quantity(), l.unit(), l.unitPrice(), l.amount()));
        }
        return print(CREDIT_NOTE_HEADER, rows);
    }

    public static String shipNotice(ShipNotice s) {
        List<List<String>> rows = new ArrayList<>();
        for (ShipNotice.Line l : s.lines()) {
            rows.add(values(s.shipmentId(), s.shipDate(), s.poNumber(), s.orderDate(), s.releaseId(), s.carrier(),
                    s.trackingNumber(), s.supplierNumber(), l.lineNumber(), l.buyerPart(), l.vendorPart(), l.shipped(),
                    l.ordered(), l.unit()));
        }
        return print(SHIP_NOTICE_HEADER, rows);
    }

    /** One row per confirmed delivery; a line without one (rejected, or unscheduled) has one row without it. */
    public static String poAcknowledgment(PoAcknowledgment a) {
        List<List<String>> rows = new ArrayList<>();
        List<PoAcknowledgment.LineAck> lines = a.type() == PoAcknowledgment.Type.RJ ? List.of() : a.lines();
        if (lines.isEmpty()) {
            rows.add(values(header(a), null, null, null, null, null, null, null, null, null, null, null));
        }
        for (PoAcknowledgment.LineAck l : lines) {
            List<ScheduleLine> schedule = l.schedule().isEmpty() || l.status() == PoAcknowledgment.LineStatus.IR
                    || l.status() == PoAcknowledgment.LineStatus.R1 ? java.util.Collections.<ScheduleLine>singletonList(null)
                            : l.schedule();
            for (ScheduleLine s : schedule) {
                rows.add(values(header(a), l.lineNumber(), l.buyerPart(), l.vendorPart(), l.quantity(), l.unit(),
                        l.unitPrice(), l.status(), l.note(), l.description(), s == null ? null : s.quantity(),
                        s == null ? null : s.deliveryDate()));
            }
        }
        return print(PO_ACKNOWLEDGMENT_HEADER, rows);
    }

    private static Object[] header(PoAcknowledgment a) {
        return new Object[] {a.poNumber(), a.releaseNumber(), a.purpose(), a.type(), a.orderDate(), a.date(),
            a.contractNumber(), a.supplierNumber(), a.currency()};
    }

    private static List<String> values(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Object[] nested) {
                for (Object n : nested) {
                    row.add(text(n));
                }
            } else {
                row.add(text(v));
            }
        }
        return row;
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        return v.toString();
    }

    private static String print(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalStateException("a row of " + row.size() + " values under a header of " + header.size());
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
