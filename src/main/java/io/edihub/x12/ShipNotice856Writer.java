package io.edihub.x12;

import static io.edihub.x12.OutboundInterchange.date;
import static io.edihub.x12.OutboundInterchange.number;

import io.edihub.canonical.ShipNotice;
import io.edihub.partner.PartnerProfile;
import io.xlate.edi.stream.EDIStreamException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Writes the advance ship notice of one shipment as an X12 856: one interchange from us to the customer with
 * one SH group and one 856 in the shipment / order / item structure (BSN05 {@code 0004}, no packaging level):
 * BSN and DTM 011 (shipped), then HL S with TD5 (carrier) and REF CN / VR, HL O with PRF (order, release,
 * order date), one HL I per order line with LIN (buyer's and our part) and SN1 (shipped and ordered
 * quantity), and CTT with the number of HL segments, as the 856 asks. StAEDI checks everything written
 * against the envelope rules of the version and our 856 schema ({@code /x12/856.xml}); data it refuses is
 * reported as an {@link IllegalArgumentException} and nothing is written.
 *
 * <p>SN104 (quantity shipped to date) stays empty: a ship notice knows this shipment and the release, not
 * what earlier shipments of the release carried.
 *
 * <p>Thread-safe; the control numbers come from a {@link ControlNumbers} that never hands one out twice.
 */
public final class ShipNotice856Writer {

    /** GS08 of an 856 unless the partner asks for another version. */
    public static final String DEFAULT_VERSION = OutboundInterchange.DEFAULT_VERSION;
    /** BSN05: shipment, order, item; we send no packaging level. */
    static final String SHIPMENT_ORDER_ITEM = "0004";
    /** DTM01: shipped. */
    static final String SHIPPED = "011";
    /** TD502: TD503 is a Standard Carrier Alpha Code. */
    static final String SCAC_QUALIFIER = "2";

    // a SCAC is two to four capital letters; anything else is a carrier name, which goes to TD505
    private static final Pattern SCAC = Pattern.compile("[A-Z]{2,4}");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final OutboundInterchange interchange;

    public ShipNotice856Writer(OurIdentity us) {
        interchange = new OutboundInterchange(us, "SH", "856");
    }

    /** The 856 in version 004010. */
    public String write(ShipNotice notice, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now) {
        return write(notice, partner, numbers, now, DEFAULT_VERSION);
    }

    /**
     * The 856 interchange for one shipment.
     *
     * @param now     when the notice is made: ISA / GS and BSN03 / BSN04, in UTC like the envelope
     * @param version GS08, {@code 004010} or a later release such as {@code 005010}; ISA12 follows it
     * @throws IllegalArgumentException when the shipment cannot be written as a valid 856
     */
    public String write(ShipNotice notice, PartnerProfile partner, ControlNumbers numbers, ZonedDateTime now,
            String version) {
        if (notice.shipDate() == null) {
            throw new IllegalArgumentException("the ship notice of shipment " + notice.shipmentId()
                    + " needs the day the goods left (DTM 011)");
        }
        if (notice.lines().isEmpty()) {
            throw new IllegalArgumentException("the ship notice of shipment " + notice.shipmentId()
                    + " has no item: an 856 lists what was shipped");
        }
        ZonedDateTime created = now.withZoneSameInstant(ZoneOffset.UTC);
        return interchange.write("the ship notice of shipment " + notice.shipmentId(), partner, numbers, now, version,
                set -> writeBody(set, notice, created));
    }

    /** BSN to CTT. */
    private static void writeBody(OutboundInterchange.Segments set, ShipNotice notice, ZonedDateTime created)
            throws EDIStreamException {
        set.write("BSN", "00", notice.shipmentId(), date(created.toLocalDate()), created.format(HHMM),
                SHIPMENT_ORDER_ITEM);
        set.write("DTM", SHIPPED, date(notice.shipDate()));

        int hl = 1;
        int shipment = hl;
        set.write("HL", Integer.toString(shipment), null, "S");
        if (notice.carrier() != null && !notice.carrier().isBlank()) {
            if (SCAC.matcher(notice.carrier()).matches()) {
                set.write("TD5", null, SCAC_QUALIFIER, notice.carrier());
            } else {
                set.write("TD5", null, null, null, null, notice.carrier());
            }
        }
        if (notice.trackingNumber() != null) {
            set.write("REF", "CN", notice.trackingNumber());
        }
        if (notice.supplierNumber() != null) {
            set.write("REF", "VR", notice.supplierNumber());
        }

        int order = ++hl;
        set.write("HL", Integer.toString(order), Integer.toString(shipment), "O");
        set.write("PRF", notice.poNumber(), notice.releaseId(), null, date(notice.orderDate()));

        for (ShipNotice.Line line : notice.lines()) {
            set.write("HL", Integer.toString(++hl), Integer.toString(order), "I");
            writeItem(set, line);
        }
        // the 856's CTT01 counts HL segments, not lines
        set.write("CTT", Integer.toString(hl));
    }

    private static void writeItem(OutboundInterchange.Segments set, ShipNotice.Line line) throws EDIStreamException {
        String[] lin = new String[5];
        lin[0] = line.lineNumber();
        int id = 1;
        if (line.buyerPart() != null) {
            lin[id++] = "BP";
            lin[id++] = line.buyerPart();
        }
        if (line.vendorPart() != null) {
            lin[id++] = "VP";
            lin[id] = line.vendorPart();
        }
        // LIN02 / LIN03 are mandatory: without a part number the item is known by SN101 alone
        if (lin[1] != null) {
            set.write("LIN", lin);
        }
        set.write("SN1", line.lineNumber(), number(line.shipped()), line.unit(), null, number(line.ordered()),
                line.ordered() == null ? null : line.unit());
    }
}
