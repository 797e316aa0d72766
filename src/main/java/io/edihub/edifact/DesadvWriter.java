package io.edihub.edifact;

import static io.edihub.edifact.OutboundMessage.e;
import static io.edihub.edifact.OutboundMessage.number;

import io.edihub.canonical.ShipNotice;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * Writes the despatch advice of one shipment as an EDIFACT DESADV D96A, the same facts as the 856: BGM 351 (despatch
 * advice) with the shipment id, DTM 137 (made) and 11 (despatched), RFF ON with the order's date, AAN (the release), CN
 * (the carrier's tracking number); NAD SU with our supplier number; TDT 20 (main carriage) with the carrier; one CPS
 * (the whole consignment) and per order line LIN, PIA (our and the buyer's part), QTY 12 (despatched) and 21 (what the
 * release asked for); CNT 2 (the number of lines).
 *
 * <p>Thread-safe.
 */
public final class DesadvWriter {

    /** BGM 1001: despatch advice. */
    static final String DESPATCH_ADVICE = "351";
    // a SCAC is two to four capital letters; anything else is a carrier name
    private static final Pattern SCAC = Pattern.compile("[A-Z]{2,4}");

    private final OutboundMessage message = new OutboundMessage("DESADV");

    /**
     * The DESADV of one shipment.
     *
     * @throws IllegalArgumentException when it cannot be written as EDIFACT
     */
    public String write(ShipNotice notice, EdifactEnvelope envelope, ZonedDateTime now) {
        String document = "the ship notice of shipment " + notice.shipmentId();
        if (notice.shipDate() == null) {
            throw new IllegalArgumentException(document + " needs the day the goods left (DTM 11)");
        }
        if (notice.lines().isEmpty()) {
            throw new IllegalArgumentException(document + " has no item: a DESADV lists what was shipped");
        }
        return message.write(document, envelope, now, m -> {
            m.write("BGM", e(DESPATCH_ADVICE), e(notice.shipmentId()), e(InvoicWriter.ORIGINAL));
            m.date("137", now.withZoneSameInstant(ZoneOffset.UTC).toLocalDate());
            m.date("11", notice.shipDate());
            m.write("RFF", e("ON", notice.poNumber()));
            m.date("171", notice.orderDate());
            m.write("RFF", e("AAN", notice.releaseId()));
            if (notice.trackingNumber() != null) {
                m.write("RFF", e("CN", notice.trackingNumber()));
            }
            if (notice.supplierNumber() != null) {
                m.write("NAD", e("SU"), e(notice.supplierNumber(), null, "92"));
            }
            if (notice.carrier() != null && !notice.carrier().isBlank()) {
                // C040: the carrier's code (3127), or its name (3128)
                m.write("TDT", e("20"), e(), e(), e(), SCAC.matcher(notice.carrier()).matches()
                        ? e(notice.carrier()) : e(null, null, null, OutboundMessage.text(notice.carrier(), 35)));
            }
            m.write("CPS", e("1"));
            for (ShipNotice.Line line : notice.lines()) {
                m.write("LIN", e(line.lineNumber()));
                InvoicWriter.parts(m, line.vendorPart(), line.buyerPart());
                m.write("QTY", e("12", number(line.shipped()), line.unit()));
                if (line.ordered() != null) {
                    m.write("QTY", e("21", number(line.ordered()), line.unit()));
                }
            }
            m.write("CNT", e("2", Integer.toString(notice.lines().size())));
        });
    }
}
