package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Our answer that a claim is denied: the customer is told which of its documents, which lines and why. Written as
 * an X12 824 (application advice) or JSON.
 *
 * @param claimNumber       our claim
 * @param partnerId         the customer
 * @param poNumber          the purchase order
 * @param releaseId         the release
 * @param invoiceNumber     our invoice, for a claim on invoiced goods
 * @param customerDocument  the kind of the customer's document that raised it ({@code 861}, {@code 812},
 *                          {@code REMITTANCE}, {@code OPERATOR})
 * @param customerReference the customer's number for it (BRA01 of the 861, BCD02 of the 812), if any
 * @param decidedOn         the day it was denied
 * @param reason            why, in words: the operator's reason
 * @param lines             the lines denied
 */
public record ClaimDenial(String claimNumber, String partnerId, String poNumber, String releaseId, String invoiceNumber,
        String customerDocument, String customerReference, LocalDate decidedOn, String reason, List<Line> lines) {

    public ClaimDenial {
        lines = List.copyOf(lines);
    }

    /** @param quantity the quantity denied, if any; amount the amount denied, if any */
    public record Line(String lineNumber, BigDecimal quantity, String unit, BigDecimal amount) {
    }
}
