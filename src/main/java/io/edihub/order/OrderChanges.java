package io.edihub.order;

import io.edihub.canonical.OrderChange;
import io.edihub.canonical.OrderLine;
import io.edihub.canonical.OrderMessage;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ReleasePlanner;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.PartnerProfile.ReleaseExtension;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a replacement, a cancellation or line changes to an order on file and re-plans its releases.
 * Release ids stay what they were: the plan keeps the order's first anchor month. A release that
 * fulfillment already has (dispatched or further) is never changed behind its back: its month keeps
 * its old lines, and the difference is reported as a {@link Conflict} for the sender and the operator.
 */
public final class OrderChanges {

    /** Releases in these states may still be re-planned. */
    private static final Set<Release.Status> OPEN = EnumSet.of(Release.Status.PLANNED, Release.Status.HELD,
            Release.Status.CANCELLED);

    private OrderChanges() {
    }

    /**
     * The outcome of a change.
     *
     * @param requested the order as the sender wants it
     * @param order     the order as it stands now: the request, except in months already dispatched
     * @param releases  its releases; old ones left without lines stay, CANCELLED and empty, so their id is never reused
     * @param conflicts what was asked but not done
     */
    public record Result(PurchaseOrder requested, PurchaseOrder order, List<Release> releases, List<Conflict> conflicts) {

        public Result {
            releases = List.copyOf(releases);
            conflicts = List.copyOf(conflicts);
        }

        /** True when nothing of the order is left to deliver. */
        public boolean cancelled() {
            return releases.stream().allMatch(r -> r.status() == Release.Status.CANCELLED);
        }
    }

    /**
     * A change that could not be applied to a release fulfillment already has.
     *
     * @param releaseId  the release
     * @param status     where it stands
     * @param lineNumber the order line concerned
     * @param message    what was asked and what stays
     */
    public record Conflict(String releaseId, Release.Status status, String lineNumber, String message) {

        @Override
        public String toString() {
            return "release " + releaseId + " (" + status + "), line " + lineNumber + ": " + message;
        }
    }

    /** A change that makes no sense for the order on file: nothing is applied. */
    public static final class ChangeRefusedException extends RuntimeException {

        private final String location;

        public ChangeRefusedException(String location, String message) {
            super(message);
            this.location = location;
        }

        /** Where in the change: {@code line 3}, {@code order}. */
        public String location() {
            return location;
        }
    }

    public static Result apply(PurchaseOrder current, List<Release> currentReleases, OrderMessage message,
            ReleaseExtension extension, YearMonth anchor) {
        PurchaseOrder requested = requested(current, message);
        Map<YearMonth, Release> frozen = new TreeMap<>();
        for (Release r : currentReleases) {
            if (!OPEN.contains(r.status())) {
                frozen.put(r.month(), r);
            }
        }
        List<Conflict> conflicts = new ArrayList<>();
        List<OrderLine> lines = new ArrayList<>();
        Map<String, OrderLine> oldLines = byNumber(current.lines());
        Map<String, OrderLine> newLines = byNumber(requested.lines());
        List<String> numbers = new ArrayList<>(newLines.keySet());
        oldLines.keySet().stream().filter(n -> !newLines.containsKey(n)).forEach(numbers::add);
        for (String number : numbers) {
            OrderLine asked = newLines.get(number);
            OrderLine was = oldLines.get(number);
            List<ScheduleLine> schedule = new ArrayList<>();
            if (asked != null) {
                asked.schedule().stream().filter(s -> !frozen.containsKey(YearMonth.from(s.deliveryDate())))
                        .forEach(schedule::add);
            }
            if (was != null) {
                was.schedule().stream().filter(s -> frozen.containsKey(YearMonth.from(s.deliveryDate())))
                        .forEach(schedule::add);
            }
            for (Map.Entry<YearMonth, Release> f : frozen.entrySet()) {
                List<String> before = deliveries(was, f.getKey());
                List<String> after = deliveries(asked, f.getKey());
                if (!before.equals(after)) {
                    Release r = f.getValue();
                    BigDecimal wasTotal = sum(was, f.getKey());
                    BigDecimal askedTotal = sum(asked, f.getKey());
                    boolean sameTotal = wasTotal.compareTo(askedTotal) == 0;
                    String was0 = plain(wasTotal);
                    String asked0 = plain(askedTotal);
                    String what = sameTotal
                            ? "the change moves deliveries within " + f.getKey() + " (" + String.join(", ", after)
                                    + " instead of " + String.join(", ", before) + ")"
                            : "the change asks for " + asked0 + " in " + f.getKey() + " instead of " + was0;
                    conflicts.add(new Conflict(r.releaseId(), r.status(), number, what + ", but the release is already "
                            + r.status().name().toLowerCase().replace('_', ' ') + "; it stays at "
                            + (sameTotal ? String.join(", ", before) : was0)));
                }
            }
            if (was != null && asked != null && (!same(was.unitPrice(), asked.unitPrice())
                    || !java.util.Objects.equals(was.unit(), asked.unit()))) {
                for (Map.Entry<YearMonth, Release> f : frozen.entrySet()) {
                    if (!deliveries(was, f.getKey()).isEmpty()) {
                        Release r = f.getValue();
                        conflicts.add(new Conflict(r.releaseId(), r.status(), number, "the new "
                                + (same(was.unitPrice(), asked.unitPrice()) ? "unit " + asked.unit()
                                        : "unit price " + (asked.unitPrice() == null ? "(none)" : plain(asked.unitPrice())))
                                + " does not apply to this release, already " + r.status().name().toLowerCase().replace('_', ' ')
                                + "; it keeps what it was released with"));
                    }
                }
            }
            if (schedule.isEmpty()) {
                continue;
            }
            schedule.sort(java.util.Comparator.comparing(ScheduleLine::deliveryDate));
            OrderLine base = asked != null ? asked : was;
            BigDecimal quantity = schedule.stream().map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            lines.add(new OrderLine(base.lineNumber(), base.buyerPart(), base.vendorPart(), base.otherParts(),
                    base.description(), quantity, base.unit(), base.unitPrice(), schedule));
        }
        PurchaseOrder order = requested.withLines(lines);
        Map<String, Release> planned = new LinkedHashMap<>();
        for (Release r : ReleasePlanner.plan(order, extension, anchor)) {
            Release old = frozen.get(r.month());
            planned.put(r.releaseId(), old != null ? old : r);
        }
        for (Release r : currentReleases) {
            if (!planned.containsKey(r.releaseId())) {
                // nothing is due in that month any more: the id stays taken, with no lines
                planned.put(r.releaseId(), new Release(r.releaseId(), r.poNumber(), r.month(), List.of(),
                        Release.Status.CANCELLED));
            }
        }
        List<Release> releases = new ArrayList<>(planned.values());
        releases.sort(java.util.Comparator.comparing(Release::month).thenComparing(Release::releaseId));
        return new Result(requested, order, releases, conflicts);
    }

    /** The order as the message asks for it, before dispatched months are taken into account. */
    static PurchaseOrder requested(PurchaseOrder current, OrderMessage message) {
        if (message.purpose() == PurchaseOrder.Purpose.CANCELLATION) {
            return current.withLines(List.of()).withSource(message.source());
        }
        if (message instanceof OrderChange change) {
            return changed(current, change);
        }
        return (PurchaseOrder) message;
    }

    private static PurchaseOrder changed(PurchaseOrder current, OrderChange change) {
        Map<String, OrderLine> lines = byNumber(current.lines());
        for (OrderChange.LineChange c : change.lines()) {
            String where = "line " + c.lineNumber();
            OrderLine was = lines.get(c.lineNumber());
            switch (c.action()) {
                case ADD -> {
                    if (was != null) {
                        throw new ChangeRefusedException(where, "cannot add line " + c.lineNumber() + ": PO "
                                + current.poNumber() + " already has it");
                    }
                    lines.put(c.lineNumber(), newLine(current, c, where));
                }
                case SET -> lines.put(c.lineNumber(), was == null ? newLine(current, c, where) : changedLine(was, c, where));
                case DELETE -> {
                    if (was == null) {
                        throw new ChangeRefusedException(where, "cannot delete line " + c.lineNumber() + ": PO "
                                + current.poNumber() + " has no such line");
                    }
                    lines.remove(c.lineNumber());
                }
                case CHANGE -> {
                    if (was == null) {
                        throw new ChangeRefusedException(where, "cannot change line " + c.lineNumber() + ": PO "
                                + current.poNumber() + " has no such line (lines: " + String.join(", ", lines.keySet()) + ")");
                    }
                    lines.put(c.lineNumber(), changedLine(was, c, where));
                }
                default -> throw new IllegalStateException(c.action().name());
            }
        }
        return current.withLines(new ArrayList<>(lines.values())).withSource(change.source());
    }

    private static OrderLine newLine(PurchaseOrder order, OrderChange.LineChange c, String where) {
        if (c.quantity() == null && c.schedule().isEmpty()) {
            throw new ChangeRefusedException(where, "a new line needs a quantity or a schedule");
        }
        BigDecimal quantity = c.quantity() != null ? c.quantity() : total(c.schedule());
        List<ScheduleLine> schedule = c.schedule().isEmpty()
                ? List.of(new ScheduleLine(quantity, c.unit(), order.defaultDeliveryDate(), null)) : c.schedule();
        return new OrderLine(c.lineNumber(), c.buyerPart(), c.vendorPart(), Map.of(), c.description(), quantity, c.unit(),
                c.unitPrice(), schedule);
    }

    private static OrderLine changedLine(OrderLine was, OrderChange.LineChange c, String where) {
        List<ScheduleLine> schedule = was.schedule();
        BigDecimal quantity = was.quantity();
        if (!c.schedule().isEmpty()) {
            schedule = c.schedule();
            quantity = total(schedule);
            if (c.quantity() != null && c.quantity().compareTo(quantity) != 0) {
                throw new ChangeRefusedException(where, "the new schedule adds up to " + quantity.toPlainString()
                        + ", the new quantity is " + c.quantity().toPlainString());
            }
        } else if (c.quantity() != null && c.quantity().compareTo(was.quantity()) != 0) {
            if (was.schedule().size() != 1) {
                throw new ChangeRefusedException(where, "a new quantity of " + c.quantity().toPlainString()
                        + " needs the line's new schedule: line " + was.lineNumber() + " is due on "
                        + was.schedule().size() + " dates");
            }
            ScheduleLine only = was.schedule().get(0);
            quantity = c.quantity();
            schedule = List.of(new ScheduleLine(quantity, only.unit(), only.deliveryDate(), only.reference()));
        }
        return new OrderLine(was.lineNumber(), or(c.buyerPart(), was.buyerPart()), or(c.vendorPart(), was.vendorPart()),
                was.otherParts(), or(c.description(), was.description()), quantity, or(c.unit(), was.unit()),
                or(c.unitPrice(), was.unitPrice()), schedule);
    }

    /** The changed value, else the one on file (either may be absent). */
    private static <T> T or(T changed, T was) {
        return changed != null ? changed : was;
    }

    private static Map<String, OrderLine> byNumber(List<OrderLine> lines) {
        Map<String, OrderLine> map = new LinkedHashMap<>();
        lines.forEach(l -> map.put(l.lineNumber(), l));
        return map;
    }

    private static BigDecimal total(List<ScheduleLine> schedule) {
        return schedule.stream().map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A line's deliveries in a month, as {@code quantity on date}, in date order. */
    private static List<String> deliveries(OrderLine line, YearMonth month) {
        if (line == null) {
            return List.of();
        }
        return line.schedule().stream().filter(s -> YearMonth.from(s.deliveryDate()).equals(month))
                .sorted(java.util.Comparator.comparing(ScheduleLine::deliveryDate))
                .map(s -> plain(s.quantity()) + " on " + s.deliveryDate()).toList();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal sum(OrderLine line, YearMonth month) {
        if (line == null) {
            return BigDecimal.ZERO;
        }
        return line.schedule().stream().filter(s -> YearMonth.from(s.deliveryDate()).equals(month))
                .map(ScheduleLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
