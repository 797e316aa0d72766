package io.edihub.canonical;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One customer purchase order in the hub's own words, whatever format it arrived in.
 *
 * @param partnerId        the trading partner it came from
 * @param poNumber         the customer's PO number (BEG03)
 * @param releaseNumber    the customer's release number for a release against a blanket order (BEG04), else null
 * @param purpose          what the document does to the order
 * @param revision         the sender's revision or change sequence of the order (860 BCH05, JSON/CSV
 *                         {@code revision}), if the format carries one; with the PO it is the business key
 * @param type             the customer's order type (BEG02: SA stand-alone, BK blanket, RL release, ...)
 * @param orderDate        the PO date (BEG05)
 * @param requestedDelivery the header's requested delivery date (DTM 002), if any
 * @param currency         ISO 4217 (CUR02), USD when absent
 * @param contractNumber   the customer's contract number (BEG06 or REF CT), if any
 * @param references       other references (REF), qualifier and value
 * @param contacts         buyer contacts (PER)
 * @param parties          ship-to, bill-to, buyer ... (N1 loops)
 * @param paymentTerms     the terms as the customer sent them (ITD); invoices use the contract's
 * @param lines            the order lines with their schedules
 * @param declaredLineCount CTT01 as sent, if any
 * @param source           where the document came from
 */
public record PurchaseOrder(
        String partnerId,
        String poNumber,
        String releaseNumber,
        Purpose purpose,
        String revision,
        String type,
        LocalDate orderDate,
        LocalDate requestedDelivery,
        String currency,
        String contractNumber,
        List<Reference> references,
        List<Contact> contacts,
        List<Party> parties,
        List<PaymentTerms> paymentTerms,
        List<OrderLine> lines,
        Integer declaredLineCount,
        SourceDocument source) implements OrderMessage {

    public PurchaseOrder {
        Objects.requireNonNull(poNumber, "poNumber");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(orderDate, "orderDate");
        references = List.copyOf(references);
        contacts = List.copyOf(contacts);
        parties = List.copyOf(parties);
        paymentTerms = List.copyOf(paymentTerms);
        lines = List.copyOf(lines);
    }

    /** The same order with another source document reference. */
    public PurchaseOrder withSource(SourceDocument newSource) {
        return new PurchaseOrder(partnerId, poNumber, releaseNumber, purpose, revision, type, orderDate, requestedDelivery,
                currency, contractNumber, references, contacts, parties, paymentTerms, lines, declaredLineCount, newSource);
    }

    /** The same order with other lines (a change applied, a line refused by the contract check). */
    public PurchaseOrder withLines(List<OrderLine> newLines) {
        return new PurchaseOrder(partnerId, poNumber, releaseNumber, purpose, revision, type, orderDate, requestedDelivery,
                currency, contractNumber, references, contacts, parties, paymentTerms, newLines, declaredLineCount, source);
    }

    /** The date a line without a schedule of its own is due (DESIGN §4). */
    public LocalDate defaultDeliveryDate() {
        return requestedDelivery != null ? requestedDelivery : orderDate;
    }

    /** What a purchase order document does, from BEG01 or a format's {@code purpose} field. */
    public enum Purpose {
        ORIGINAL("00"), CANCELLATION("01"), CHANGE("04"), REPLACE("05"), CONFIRMATION("06"), DUPLICATE("07"),
        INFORMATION_COPY("22");

        private final String x12Code;

        Purpose(String x12Code) {
            this.x12Code = x12Code;
        }

        public String x12Code() {
            return x12Code;
        }

        /** The purpose named in a JSON or CSV order ({@code original}, {@code change}, {@code cancel}, {@code replace}). */
        public static Purpose fromName(String name) {
            return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "original" -> ORIGINAL;
                case "change" -> CHANGE;
                case "cancel", "cancellation" -> CANCELLATION;
                case "replace" -> REPLACE;
                default -> throw new IllegalArgumentException("unknown purpose '" + name
                        + "' (expected original, change, cancel or replace)");
            };
        }

        public static Purpose fromX12(String code) {
            for (Purpose p : values()) {
                if (p.x12Code.equals(code)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("unknown purpose code " + code);
        }
    }

    public record Reference(String qualifier, String value, String description) {
    }

    public record Contact(String function, String name, String phone, String email) {
    }

    /** A party of the order: {@code role} is the X12 entity code (ST ship-to, BT bill-to, BY buyer, ...). */
    public record Party(String role, String name, String idQualifier, String id, List<String> address,
            String city, String state, String postalCode, String country) {

        public Party {
            address = List.copyOf(address);
        }
    }

    /** Terms of sale as sent (ITD): net days, discount percent and days, description. */
    public record PaymentTerms(String type, java.math.BigDecimal discountPercent, Integer discountDays,
            Integer netDays, LocalDate netDueDate, String description) {
    }

    /** The input document an order came from: raw bytes are kept with this hash. */
    public record SourceDocument(String format, String fileName, String sha256, String interchangeControlNumber,
            String groupControlNumber, String transactionControlNumber) {
    }
}
