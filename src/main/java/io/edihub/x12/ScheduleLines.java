package io.edihub.x12;

import io.edihub.canonical.ScheduleItem;
import io.edihub.canonical.ScheduleItem.Authorization;
import io.edihub.canonical.ScheduleItem.Commitment;
import io.edihub.canonical.ScheduleItem.Forecast;
import io.edihub.canonical.ScheduleItem.Shipped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The LIN loops of a delivery schedule (830 or 862), read the same way for both: LIN (parts, PO line), UIT (unit),
 * REF*PO (the line's own blanket order), FST (requirements), SHP (shipped / received, cumulative or not) and ATH
 * (authorizations). Checks what would make a schedule unusable against a blanket order and reports it with AK3/AK4
 * codes: negative quantities (AK403 6), an FST02 the hub does not take (7), and FST dates outside the horizon or
 * overlapping another FST of the line (8).
 */
final class ScheduleLines {

    /** Product id qualifiers as the 850 mapper reads them, so a schedule names parts the way its order did. */
    private static final Set<String> BUYER_PART = Set.of("BP", "IN", "CB", "PI");
    private static final Set<String> VENDOR_PART = Set.of("VP", "VN", "VA", "MG");
    /** Purchaser's order line number. */
    private static final String PO_LINE = "PL";

    private final String horizonElements;
    private LocalDate horizonStart;
    private LocalDate horizonEnd;
    private final List<Line> lines = new ArrayList<>();
    private Line line;
    /** The segment that began the loop the next REF belongs to: LIN, or N1 / FST / JIT / SHP (whose REFs are not the line's). */
    private String loop = "";

    /** @param horizonElements how the horizon is named in messages ({@code BFR06 to BFR07}) */
    ScheduleLines(String horizonElements) {
        this.horizonElements = horizonElements;
    }

    void horizon(LocalDate start, LocalDate end) {
        this.horizonStart = start;
        this.horizonEnd = end;
    }

    /** Whether the hub is inside a LIN loop (a REF there is the line's, not the heading's). */
    boolean inLines() {
        return line != null;
    }

    /** Takes a segment of the detail; returns false for a segment it does not read. */
    boolean segment(MappedSegment s) {
        switch (s.tag) {
            case "LIN" -> lin(s);
            case "UIT" -> {
                if (line != null) {
                    line.unit = s.get(1);
                }
            }
            case "REF" -> {
                if (line != null && "LIN".equals(loop) && "PO".equals(s.get(1)) && line.poNumber == null) {
                    line.poNumber = s.get(2);
                }
            }
            case "N1", "SHP", "JIT" -> {
                loop = s.tag;
                if ("SHP".equals(s.tag)) {
                    shp(s);
                }
            }
            case "FST" -> {
                loop = "FST";
                fst(s);
            }
            case "ATH" -> ath(s);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void lin(MappedSegment s) {
        line = new Line();
        lines.add(line);
        loop = "LIN";
        for (int i = 2; i + 1 <= s.count; i += 2) {
            String qualifier = s.get(i);
            String id = s.get(i + 1);
            if (qualifier == null || id == null) {
                continue;
            }
            if (line.buyerPart == null && BUYER_PART.contains(qualifier)) {
                line.buyerPart = id;
            } else if (line.vendorPart == null && VENDOR_PART.contains(qualifier)) {
                line.vendorPart = id;
            } else if (line.poLineNumber == null && PO_LINE.equals(qualifier)) {
                line.poLineNumber = id;
            }
        }
    }

    private void fst(MappedSegment s) {
        if (line == null) {
            return;
        }
        BigDecimal quantity = notNegative(s, 1, "FST01 quantity");
        String code = s.get(2);
        Commitment commitment = Commitment.fromX12(code);
        if (code != null && commitment == null) {
            s.fail(2, "680", "7", code, "FORECAST_QUALIFIER_NOT_TAKEN", "FST02 '" + code + "' is not a forecast "
                    + "qualifier the hub takes: C (firm) and A (immediate) become releases, D (planning) a forecast; "
                    + "anything else would be guessed");
        }
        String timing = s.get(3);
        LocalDate date = s.date(4, "373");
        LocalDate sentEnd = s.date(5, "373");
        if (date == null) {
            return;
        }
        if ("F".equals(timing) && sentEnd == null && !s.has(5)) {
            s.fail(5, "373", "2", null, "FLEXIBLE_INTERVAL_WITHOUT_END", "FST03 F (flexible interval) needs its end "
                    + "date in FST05");
            return;
        }
        if (sentEnd != null && sentEnd.isBefore(date)) {
            s.fail(5, "373", "8", s.get(5), "FST_END_BEFORE_START", "FST05 " + sentEnd + " is before FST04 " + date);
            return;
        }
        LocalDate end = sentEnd != null ? sentEnd : Forecast.bucketEnd(timing, date);
        if (horizonStart != null && date.isBefore(horizonStart)) {
            s.fail(4, "373", "8", s.get(4), "FST_OUTSIDE_HORIZON", "FST04 " + date + " is before the schedule's horizon ("
                    + horizonElements + ", " + horizonText() + ")");
            return;
        }
        if (horizonEnd != null && end.isAfter(horizonEnd)) {
            int element = sentEnd != null ? 5 : 4;
            s.fail(element, "373", "8", s.get(element), "FST_OUTSIDE_HORIZON", "the requirement of FST04 " + date
                    + (sentEnd != null ? " to FST05 " : " (timing " + timing + ") runs to ") + end
                    + ", after the schedule's horizon (" + horizonElements + ", " + horizonText() + ")");
            return;
        }
        for (Period p : line.periods) {
            if (!date.isAfter(p.end) && !end.isBefore(p.start)) {
                s.fail(4, "373", "8", s.get(4), "FST_PERIODS_OVERLAP", "the requirement of " + date + " to " + end
                        + " overlaps the one of " + p.start + " to " + p.end + " (FST at segment " + p.position
                        + ") for the same part" + (line.buyerPart == null ? "" : " " + line.buyerPart)
                        + ": the hub could not tell which quantity the customer wants");
                return;
            }
        }
        line.periods.add(new Period(date, end, s.position));
        if (quantity != null && commitment != null) {
            line.forecasts.add(new Forecast(quantity, commitment, timing, date, end));
        }
    }

    private void shp(MappedSegment s) {
        if (line == null) {
            return;
        }
        BigDecimal quantity = notNegative(s, 2, "SHP02 quantity");
        LocalDate date = s.date(4, "373");
        LocalDate end = s.date(6, "373");
        if (date != null && end != null && end.isBefore(date)) {
            s.fail(6, "373", "8", s.get(6), "CUMULATIVE_END_BEFORE_START", "SHP06 " + end + " (cumulative end) is before "
                    + "SHP04 " + date);
            return;
        }
        line.shipped.add(new Shipped(s.get(1), quantity, s.get(3), date, end));
    }

    private void ath(MappedSegment s) {
        if (line == null) {
            return;
        }
        BigDecimal quantity = notNegative(s, 3, "ATH03 quantity");
        BigDecimal maximum = notNegative(s, 4, "ATH04 quantity");
        LocalDate through = s.date(2, "373");
        LocalDate start = s.date(5, "373");
        if (through != null && start != null && through.isBefore(start)) {
            s.fail(2, "373", "8", s.get(2), "AUTHORIZATION_BEFORE_ITS_START", "ATH02 " + through + " (authorized through) "
                    + "is before ATH05 " + start + " (cumulative start)");
            return;
        }
        line.authorizations.add(new Authorization(s.get(1), through, quantity, maximum, start));
    }

    private static BigDecimal notNegative(MappedSegment s, int element, String what) {
        BigDecimal quantity = s.decimal(element, "380");
        if (quantity != null && quantity.signum() < 0) {
            s.fail(element, "380", "6", s.get(element), "QUANTITY_NEGATIVE", what + " " + s.get(element)
                    + " is negative: a schedule states how much, a reduction is a smaller quantity");
            return null;
        }
        return quantity;
    }

    private String horizonText() {
        return horizonStart + " to " + (horizonEnd == null ? "open" : horizonEnd.toString());
    }

    /** Whether every line names its own blanket order (REF*PO in its loop). */
    boolean everyLineNamesItsOrder() {
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.poNumber != null);
    }

    List<ScheduleItem> items(String blanketPoNumber) {
        return lines.stream().map(l -> new ScheduleItem(l.buyerPart, l.vendorPart, l.poLineNumber,
                l.poNumber != null ? l.poNumber : blanketPoNumber, l.unit, l.forecasts, l.shipped, l.authorizations))
                .toList();
    }

    int count() {
        return lines.size();
    }

    private record Period(LocalDate start, LocalDate end, int position) {
    }

    private static final class Line {
        final List<Forecast> forecasts = new ArrayList<>();
        final List<Shipped> shipped = new ArrayList<>();
        final List<Authorization> authorizations = new ArrayList<>();
        final List<Period> periods = new ArrayList<>();
        String buyerPart;
        String vendorPart;
        String poLineNumber;
        String poNumber;
        String unit;
    }
}
