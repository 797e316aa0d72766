package io.edihub.cash;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds acme's X12 820 payment orders / remittance advices for tests: one payment, one RMR per invoice paid. */
public final class Remittance820 {

    private final String trace;
    private final LocalDate paid;
    private final List<String> lines = new ArrayList<>();
    private BigDecimal total = BigDecimal.ZERO;

    private Remittance820(String trace, LocalDate paid) {
        this.trace = trace;
        this.paid = paid;
    }

    /** A payment with trace number {@code trace}, effective on {@code paid}. */
    public static Remittance820 payment(String trace, LocalDate paid) {
        return new Remittance820(trace, paid);
    }

    /** Pays {@code amount} on invoice, which the customer has as {@code invoiceAmount}, taking {@code discount}. */
    public Remittance820 invoice(String invoice, String amount, String invoiceAmount, String discount) {
        lines.add("RMR*IV*" + invoice + "*PI*" + amount + "*" + invoiceAmount + (discount == null ? "" : "*" + discount));
        total = total.add(new BigDecimal(amount));
        return this;
    }

    /** An adjustment (ADX) to the invoice named last: {@code amount} (negative when paid less) for a reason code. */
    public Remittance820 adjustment(String amount, String reasonCode, String text) {
        lines.add("ADX*" + amount + "*" + reasonCode);
        if (text != null) {
            lines.add("NTE*ADD*" + text);
        }
        return this;
    }

    /** The interchange with that ISA13, its BPR02 the sum of what the lines pay. */
    public String interchange(String isa13) {
        return interchange(isa13, total.toPlainString());
    }

    /** The interchange with that ISA13 and a BPR02 of the caller's choosing. */
    public String interchange(String isa13, String bpr02) {
        int group = Integer.parseInt(isa13);
        String day = paid.toString().replace("-", "");
        List<String> segments = new ArrayList<>(List.of(
                "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *" + day.substring(2) + "*1000*U*00401*"
                        + isa13 + "*0*P*>",
                "GS*RA*ACMEFED*EDIHUB*" + day + "*1000*" + group + "*X*004010",
                "ST*820*0001",
                "BPR*C*" + bpr02 + "*C*ACH*CCP*01*071000013*DA*1234567*1234567890**01*021000021*DA*7654321*" + day,
                "TRN*1*" + trace + "*1234567890",
                "CUR*PR*USD",
                "N1*PR*ACME FEDERAL PROCUREMENT*92*ACME-HQ",
                "N1*PE*EDI HUB SUPPLIES*92*V-0042-EDIHUB",
                "ENT*1"));
        segments.addAll(lines);
        segments.add("SE*" + (segments.size() - 1) + "*0001");
        segments.add("GE*1*" + group);
        segments.add("IEA*1*" + isa13);
        return String.join("~\n", segments) + "~\n";
    }
}
