package io.edihub.canonical;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The advance ship notice (856) we send the customer for one shipment of one release.
 *
 * @param shipmentId     the shipment's id (BSN02)
 * @param partnerId      the customer
 * @param poNumber       the purchase order (PRF01)
 * @param orderDate      the purchase order's date (PRF04)
 * @param releaseId      the release (PRF02)
 * @param shipDate       the day the goods left
 * @param carrier        carrier code, if known (TD5)
 * @param trackingNumber tracking number, if known (REF CN)
 * @param supplierNumber our supplier number at the customer, if the contract names one (REF VR)
 * @param lines          one item per order line shipped
 */
public record ShipNotice(String shipmentId, String partnerId, String poNumber, LocalDate orderDate, String releaseId,
        LocalDate shipDate, String carrier, String trackingNumber, String supplierNumber, List<Line> lines) {

    public ShipNotice {
        lines = List.copyOf(lines);
    }

    /**
     * @param lineNumber the PO line number
     * @param buyerPart  the customer's part number
     * @param vendorPart our part number
     * @param shipped    quantity in this shipment
     * @param ordered    quantity the release asked for
     * @param unit       unit of measure
     */
    public record Line(String lineNumber, String buyerPart, String vendorPart, BigDecimal shipped, BigDecimal ordered,
            String unit) {
    }
}
