package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The documents the claims module hands the format writers, for one story told by the samples in
 * {@code edi-samples/acme/}: ACME accepted release 4500012345-01 (the 861 in {@code acceptances/}), was invoiced
 * INV-2027-000042 for it (the 810 in {@code billing/}) and then disputed part of that invoice with its 812
 * CM-2027-0117 ({@code adjustments/damaged-and-short.812.edi}): 10 tablets damaged, 2 cases short. Each sample
 * answers claim CL-2027-000031 the way one settlement would: a credit for both lines, a return of the damaged
 * tablets, a denial of the shortage.
 */
public final class ClaimSamples {

    public static final LocalDate ORDERED = LocalDate.of(2026, 11, 2);
    public static final LocalDate INVOICED = LocalDate.of(2027, 1, 20);
    public static final LocalDate SETTLED = LocalDate.of(2027, 2, 15);

    private ClaimSamples() {
    }

    /** The credit for both disputed lines, at the invoice's prices. */
    public static CreditNote creditNote() {
        return creditNote(List.of(
                new CreditNote.Line("1", "ACM-77812", "EH-1001", "RUGGED TABLET 10 INCH", new BigDecimal("10"), "EA",
                        new BigDecimal("42.50"), new BigDecimal("425.00")),
                new CreditNote.Line("2", "ACM-77813", "EH-2040", "PROTECTIVE CASE PACK OF 12", new BigDecimal("2"), "CA",
                        new BigDecimal("118.00"), new BigDecimal("236.00"))), new BigDecimal("661.00"));
    }

    public static CreditNote creditNote(List<CreditNote.Line> lines, BigDecimal total) {
        return new CreditNote("CN-2027-000007", "acme", "INV-2027-000042", INVOICED, "4500012345", ORDERED,
                "4500012345-01", "CL-2027-000031", "CM-2027-0117", "GSA-47QSWA-2026", "V-0042-EDIHUB", "USD", SETTLED,
                "04", "DAMAGED AND SHORT ON RELEASE 4500012345-01, CREDITED AT THE INVOICE PRICE", lines, total);
    }

    /** The return of the damaged tablets. */
    public static ReturnAuthorization returnAuthorization() {
        return new ReturnAuthorization("RMA-CL-2027-000031", "acme", "4500012345", ORDERED, "4500012345-01",
                "CL-2027-000031", "RA-2027-0042", SETTLED, "DAMAGED IN TRANSIT: RETURN FOR REPLACEMENT", List.of(
                        new ReturnAuthorization.Line("1", "ACM-77812", "EH-1001", "RUGGED TABLET 10 INCH",
                                new BigDecimal("10"), "EA", "01")));
    }

    /** The denial of the cases' shortage. */
    public static ClaimDenial claimDenial() {
        return new ClaimDenial("CL-2027-000031", "acme", "4500012345", "4500012345-01", "INV-2027-000042", "812",
                "CM-2027-0117", SETTLED, "PROOF OF DELIVERY SIGNED FOR 48 CASES AT DEPOT 12 ON 2027-01-08; THE SHORTAGE "
                        + "WAS NOT NOTED ON RECEIPT", List.of(new ClaimDenial.Line("2", new BigDecimal("2"), "CA",
                                new BigDecimal("236.00"))));
    }
}
