package io.edihub.policy;

import io.edihub.canonical.OrderLine;
import io.edihub.canonical.PoAcknowledgment.LineStatus;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Release;
import io.edihub.canonical.ScheduleLine;
import io.edihub.partner.Contract;
import io.edihub.partner.PartnerProfile;
import io.edihub.policy.ContractReview.Finding;
import io.edihub.policy.ContractReview.LineReview;
import io.edihub.policy.ContractReview.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an order and its planned releases against the partner's contract. Pure: the same order,
 * releases and contract give the same review.
 *
 * <p>Under {@link Contract.PriceMismatch#CONTRACT_WINS} a price that differs from the contract's is
 * replaced by it (855 line status IP) and a line the contract does not cover is refused (R1); under
 * {@link Contract.PriceMismatch#HOLD} either holds the order. Limits, validity, currency, unit and
 * contract number differences hold the order under both policies: no rule can settle them.
 */
final class ContractCheck {

    private ContractCheck() {
    }

    public static ContractReview review(PurchaseOrder order, List<Release> releases, PartnerProfile partner) {
        return review(order, releases, partner, BigDecimal.ZERO);
    }

    /**
     * @param committed the value of the order's releases fulfillment already has, which a change cannot touch
     *                  but which counts against the order limit
     */
    public static ContractReview review(PurchaseOrder order, List<Release> releases, PartnerProfile partner,
            BigDecimal committed) {
        Contract contract = partner.contract();
        if (contract == null) {
            List<LineReview> lines = order.lines().stream()
                    .map(l -> new LineReview(l.lineNumber(), LineStatus.IA, l.unitPrice(), null, null)).toList();
            return new ContractReview(Verdict.ACCEPT, order, releases, lines, List.of(), value(releases));
        }
        boolean contractWins = contract.priceMismatch() == Contract.PriceMismatch.CONTRACT_WINS;
        List<Finding> findings = new ArrayList<>();
        List<LineReview> lineReviews = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        Set<String> repriced = new HashSet<>();

        if (order.contractNumber() != null && !order.contractNumber().equals(contract.number())) {
            findings.add(new Finding("CONTRACT_NUMBER_DIFFERS", "order", "the order quotes contract "
                    + order.contractNumber() + ", the contract on file is " + contract.number(), true));
        }
        if (!contract.currency().equals(order.currency())) {
            findings.add(new Finding("CURRENCY_DIFFERS", "order", "the order is in " + order.currency()
                    + ", the contract's prices are in " + contract.currency(), true));
        }
        if (!contract.validOn(order.orderDate())) {
            findings.add(new Finding("CONTRACT_NOT_VALID", "order", "the order date " + order.orderDate()
                    + " is outside contract " + contract.number() + " (valid " + contract.validFrom() + " to "
                    + contract.validTo() + ")", true));
        }
        for (OrderLine line : order.lines()) {
            String subject = "line " + line.lineNumber();
            List<Contract.Price> entries = contract.entriesFor(line.vendorPart(), line.buyerPart());
            if (entries.isEmpty()) {
                String note = "part " + part(line) + " is not in contract " + contract.number();
                findings.add(new Finding("NOT_IN_CONTRACT", subject, note, !contractWins));
                lineReviews.add(new LineReview(line.lineNumber(), LineStatus.R1, line.unitPrice(), null, note));
                refused.add(line.lineNumber());
                continue;
            }
            String unit = entries.get(0).unit();
            if (unit != null && line.unit() != null && !unit.equals(line.unit())) {
                findings.add(new Finding("UNIT_DIFFERS", subject, "part " + part(line) + " is ordered in " + line.unit()
                        + ", the contract prices it per " + unit, true));
            }
            Set<BigDecimal> prices = new LinkedHashSet<>();
            List<String> unpriced = new ArrayList<>();
            for (ScheduleLine s : line.schedule()) {
                if (!contract.validOn(s.deliveryDate())) {
                    findings.add(new Finding("CONTRACT_NOT_VALID", subject, "delivery on " + s.deliveryDate()
                            + " is outside contract " + contract.number() + " (valid " + contract.validFrom() + " to "
                            + contract.validTo() + ")", true));
                }
                Optional<BigDecimal> price = contract.unitPrice(line.vendorPart(), line.buyerPart(), s.deliveryDate(),
                        line.quantity());
                if (price.isPresent()) {
                    prices.add(price.get().stripTrailingZeros());
                } else {
                    unpriced.add(s.deliveryDate().toString());
                }
            }
            if (!unpriced.isEmpty()) {
                String note = "the contract has no price for part " + part(line) + " on " + String.join(", ", unpriced);
                findings.add(new Finding("NOT_IN_CONTRACT", subject, note, !contractWins));
                lineReviews.add(new LineReview(line.lineNumber(), LineStatus.R1, line.unitPrice(), null, note));
                refused.add(line.lineNumber());
                continue;
            }
            BigDecimal first = contract.unitPrice(line.vendorPart(), line.buyerPart(),
                    line.schedule().get(0).deliveryDate(), line.quantity()).orElseThrow();
            boolean differs = line.unitPrice() == null || prices.size() > 1
                    || prices.iterator().next().compareTo(line.unitPrice()) != 0;
            if (differs) {
                String note = "ordered at " + (line.unitPrice() == null ? "no price" : line.unitPrice().toPlainString())
                        + ", contract price " + String.join(" / ", prices.stream().map(BigDecimal::toPlainString).toList())
                        + (prices.size() > 1 ? " by delivery date" : "")
                        + (line.quantity() != null ? " for " + line.quantity().stripTrailingZeros().toPlainString() : "");
                findings.add(new Finding("PRICE_DIFFERS", subject, note, !contractWins));
                lineReviews.add(new LineReview(line.lineNumber(), LineStatus.IP, line.unitPrice(), first, note));
                repriced.add(line.lineNumber());
            } else {
                lineReviews.add(new LineReview(line.lineNumber(), LineStatus.IA, line.unitPrice(), first, null));
            }
        }

        // under CONTRACT_WINS a non-contract line is refused; under HOLD it stays for the person to decide on
        if (!contractWins) {
            refused.clear();
        }
        Map<String, BigDecimal> lineQuantities = lineQuantities(order);
        PurchaseOrder kept = order.withLines(order.lines().stream().filter(l -> !refused.contains(l.lineNumber())).toList());
        List<Release> priced = new ArrayList<>();
        for (Release r : releases) {
            List<Release.ReleaseLine> lines = r.lines().stream().filter(l -> !refused.contains(l.lineNumber()))
                    .map(l -> new Release.ReleaseLine(l.lineNumber(), l.buyerPart(), l.vendorPart(), l.quantity(), l.unit(),
                            contractPrice(contract, lineQuantities, l), l.dueDate()))
                    .toList();
            if (!lines.isEmpty()) {
                priced.add(new Release(r.releaseId(), r.poNumber(), r.month(), lines, r.status()));
            }
        }
        for (Release r : priced) {
            if (contract.releaseLimit() != null && r.value().compareTo(contract.releaseLimit()) > 0) {
                findings.add(new Finding("RELEASE_OVER_LIMIT", "release " + r.releaseId(), "worth "
                        + r.value().toPlainString() + " at contract prices, over the release limit of "
                        + contract.releaseLimit().toPlainString(), true));
            }
        }
        BigDecimal value = value(priced);
        BigDecimal total = value.add(committed);
        if (contract.orderLimit() != null && total.compareTo(contract.orderLimit()) > 0) {
            findings.add(new Finding("ORDER_OVER_LIMIT", "order", "worth " + total.toPlainString()
                    + " at contract prices" + (committed.signum() > 0 ? " (" + committed.toPlainString()
                    + " of it already with fulfillment)" : "") + ", over the order limit of "
                    + contract.orderLimit().toPlainString(), true));
        }

        Verdict verdict;
        if (findings.stream().anyMatch(Finding::holds)) {
            // a held order is kept whole: the person decides on all of it, the contract settles the rest then
            List<Release> whole = releases.stream().map(r -> new Release(r.releaseId(), r.poNumber(), r.month(),
                    r.lines().stream().map(l -> new Release.ReleaseLine(l.lineNumber(), l.buyerPart(), l.vendorPart(),
                            l.quantity(), l.unit(), refused.contains(l.lineNumber()) ? l.unitPrice()
                                    : contractPrice(contract, lineQuantities, l), l.dueDate())).toList(), r.status())).toList();
            return new ContractReview(Verdict.HOLD, order, whole, lineReviews, findings, value(whole));
        } else if (kept.lines().isEmpty() && !order.lines().isEmpty()) {
            verdict = Verdict.REJECT;
        } else if (!refused.isEmpty() || !repriced.isEmpty()) {
            verdict = Verdict.ACCEPT_WITH_CHANGES;
        } else {
            verdict = Verdict.ACCEPT;
        }
        return new ContractReview(verdict, kept, priced, lineReviews, findings, value);
    }

    private static BigDecimal contractPrice(Contract contract, Map<String, BigDecimal> lineQuantities,
            Release.ReleaseLine l) {
        BigDecimal lineQuantity = lineQuantities.getOrDefault(l.lineNumber(), l.quantity());
        return contract.unitPrice(l.vendorPart(), l.buyerPart(), l.dueDate(), lineQuantity).orElse(l.unitPrice());
    }

    /**
     * Each order line's quantity, the first line of a number that has one: looked up once per release line, so a map
     * rather than a search of the order's lines (2,000 lines × 24 months made that search 96 million comparisons).
     */
    private static Map<String, BigDecimal> lineQuantities(PurchaseOrder order) {
        Map<String, BigDecimal> quantities = new HashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.quantity() != null) {
                quantities.putIfAbsent(line.lineNumber(), line.quantity());
            }
        }
        return quantities;
    }

    private static BigDecimal value(List<Release> releases) {
        return releases.stream().map(Release::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String part(OrderLine line) {
        if (line.vendorPart() != null && line.buyerPart() != null) {
            return line.vendorPart() + " (" + line.buyerPart() + ")";
        }
        return Objects.requireNonNullElse(line.vendorPart() != null ? line.vendorPart() : line.buyerPart(), "(none)");
    }

}
