package io.edihub.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The documents the fault suite's partners send: X12 850 interchanges from acme and globex at their
 * contract prices whose first month is the current one (so its release is due now and requested at once),
 * shipment events as logistics reports them, and acceptances as the customer posts them.
 */
final class FaultOrders {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultOrders() {
    }

    /** The partners whose orders the suites send. */
    static final List<String> PARTNERS = List.of("acme", "globex");

    /** One file of an upload: its partner, name, the POs it carries and its bytes. */
    record Upload(String partner, String fileName, List<String> poNumbers, byte[] content) {
    }

    /**
     * File {@code index} of {@code orders} POs sent {@code ordersPerFile} to an interchange: even files are acme's,
     * odd ones globex's; file {@code index} carries orders index*ordersPerFile+1 onwards.
     */
    static Upload upload(int index, int ordersPerFile, int orders, LocalDate today) {
        String partner = PARTNERS.get(index % 2);
        int first = index * ordersPerFile + 1;
        int last = Math.min(orders, first + ordersPerFile - 1);
        List<String> poNumbers = new ArrayList<>();
        for (int n = first; n <= last; n++) {
            poNumbers.add(poNumber(partner, n));
        }
        return new Upload(partner, "po-" + partner + "-" + String.format("%04d", index) + ".edi", poNumbers,
                interchange(partner, 1000 + index, poNumbers, today).getBytes(StandardCharsets.US_ASCII));
    }

    static String poNumber(String partner, int n) {
        return ("acme".equals(partner) ? "FA" : "FG") + String.format("%06d", n);
    }

    /** The running number in a PO number made by {@link #poNumber}. */
    static int sequence(String poNumber) {
        return Integer.parseInt(poNumber.substring(2));
    }

    /**
     * One interchange of one group holding an 850 per PO number. acme's orders have a line of tablets due at the end
     * of this month and again two months later (only the first is due within acme's 30-day lead time); globex's one
     * line of sensor modules due at the end of this month.
     */
    static String interchange(String partner, int controlNumber, List<String> poNumbers, LocalDate today) {
        boolean acme = "acme".equals(partner);
        String icn = String.format("%09d", controlNumber);
        String sender = acme ? "ZZ*ACMEFED        " : "01*081466849      ";
        String gsSender = acme ? "ACMEFED" : "GLOBEXPO";
        String date = CCYYMMDD.format(today);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *" + sender + "*ZZ*EDIHUB         *" + date.substring(2) + "*0930*U*00401*"
                + icn + "*0*P*>");
        segments.add("GS*PO*" + gsSender + "*EDIHUB*" + date + "*0930*" + controlNumber + "*X*004010");
        LocalDate endOfMonth = today.withDayOfMonth(today.lengthOfMonth());
        int set = 0;
        for (String po : poNumbers) {
            set++;
            String st = String.format("%04d", set);
            int monthly = 10 * (sequence(po) % 20 + 1);
            List<String> body = new ArrayList<>();
            body.add("ST*850*" + st);
            if (acme) {
                body.add("BEG*00*BK*" + po + "**" + date + "*GSA-47QSWA-2026");
                body.add("CUR*BY*USD");
                body.add("N1*ST*ACME DEPOT " + (sequence(po) % 40 + 1) + "*92*DEPOT" + (sequence(po) % 40 + 1));
                body.add("PO1*1*" + 2 * monthly + "*EA*42.50*PE*BP*ACM-77812*VP*EH-1001");
                body.add("PID*F****RUGGED TABLET 10 INCH");
                body.add("SCH*" + monthly + "*EA***002*" + CCYYMMDD.format(endOfMonth));
                body.add("SCH*" + monthly + "*EA***002*" + CCYYMMDD.format(today.plusMonths(2).withDayOfMonth(15)));
                body.add("CTT*1");
            } else {
                body.add("BEG*00*SA*" + po + "**" + date + "*GX-MSA-2025-117");
                body.add("CUR*BY*USD");
                body.add("N1*ST*GLOBEX PLANT " + (sequence(po) % 7 + 1) + "*92*PLANT" + (sequence(po) % 7 + 1));
                body.add("PO1*1*" + monthly + "*EA*9.75*PE*BP*GLX-4411*VP*EH-3300");
                body.add("PID*F****SENSOR MODULE");
                body.add("SCH*" + monthly + "*EA***002*" + CCYYMMDD.format(endOfMonth));
                body.add("CTT*1");
            }
            body.add("SE*" + (body.size() + 1) + "*" + st);
            segments.addAll(body);
        }
        segments.add("GE*" + poNumbers.size() + "*" + controlNumber);
        segments.add("IEA*1*" + icn);
        return String.join("~\n", segments) + "~\n";
    }

    /** Logistics ships a release request in full. */
    static String shipment(JsonNode request, LocalDate today) {
        ObjectNode shipment = JSON.createObjectNode();
        String releaseId = request.path("releaseId").asText();
        shipment.put("shipmentId", "SHP-" + releaseId);
        shipment.put("partnerId", request.path("partnerId").asText());
        shipment.put("releaseId", releaseId);
        shipment.put("shipDate", today.toString());
        shipment.put("carrier", "UPSN");
        shipment.put("trackingNumber", "1Z" + releaseId.replaceAll("[^0-9A-Z]", ""));
        ArrayNode lines = shipment.putArray("lines");
        for (JsonNode line : request.path("lines")) {
            ObjectNode shipped = lines.addObject();
            shipped.put("lineNumber", line.path("lineNumber").asText());
            shipped.set("quantity", line.path("quantity"));
            if (line.hasNonNull("unit")) {
                shipped.put("unit", line.path("unit").asText());
            }
        }
        return shipment.toString();
    }

    /** The customer accepts everything shipped under a release. */
    static String acceptance(String poNumber, String releaseId, List<Map<String, Object>> releaseLines, LocalDate today) {
        ObjectNode acceptance = JSON.createObjectNode();
        acceptance.put("acceptanceId", "ACC-" + releaseId);
        acceptance.put("poNumber", poNumber);
        acceptance.put("releaseId", releaseId);
        acceptance.put("acceptedOn", today.toString());
        ArrayNode lines = acceptance.putArray("lines");
        for (Map<String, Object> line : releaseLines) {
            ObjectNode accepted = lines.addObject();
            accepted.put("lineNumber", line.get("line_number").toString());
            accepted.put("accepted", ((BigDecimal) line.get("shipped")).stripTrailingZeros().toPlainString());
        }
        return acceptance.toString();
    }
}
