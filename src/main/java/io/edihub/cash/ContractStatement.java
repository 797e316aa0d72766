package io.edihub.cash;

import io.edihub.partner.Contract;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a contract came to over a period, per part and in total: the accounting's check of "is the customer buying,
 * accepting and paying as agreed, and at the agreed price". Computed by {@link #of} from the release lines, invoices
 * and invoice lines of the contract's orders, in full precision; {@link #rounded()} rounds it for people (money
 * HALF_UP to 2 decimals).
 *
 * <ul>
 * <li><b>Quantities</b> (ordered, released, shipped, accepted, rejected) are those of the release lines due in the
 * period, valued at the contract price valid on each line's due date (with the quantity break the order line reaches).
 * Ordered leaves out replacement releases (they send rejected goods again); accepted counts goods accepted after all,
 * rejected only what stays rejected.</li>
 * <li><b>Invoiced and credited</b> are the invoices dated in the period, with what was credited on them since.</li>
 * <li><b>Paid, discounts, open deductions and open receivables</b> are where those invoices' money stands now. The open
 * receivables are aged by days past their due date on the period's last day: 0–30 (including not yet due), 31–60,
 * 61–90, over 90. An invoice is paid as a whole, so a part's share of its money is in proportion to what the part's
 * line still bills (its amount less what was credited on it).</li>
 * <li><b>Days sales outstanding</b> = open receivables / invoiced in the period × days in the period (both days
 * counted); none when nothing was invoiced.</li>
 * <li><b>Realized unit price</b> of a part = its invoiced amount / its invoiced quantity. Every invoice line is checked
 * against the contract price valid on each delivery it bills (the due date of each release line of the line that
 * shipped); each difference is a {@link PriceDeviation}. There should be none.</li>
 * <li><b>Terms concession</b>: per invoice in the period, invoice total × annual cost of money × (days granted −
 * standard net days) / 365, plus the early-payment discount earned on it. The days granted are the contract's net
 * days, or its discount days when the customer earned the discount (it paid within them, so it had the money that
 * long only). Positive: what the negotiated terms cost the company against its standard terms.</li>
 * </ul>
 *
 * @param days                 the days in the period, both ends counted
 * @param parts                per part (our part number, else the customer's), in part order
 * @param total                the whole contract
 * @param priceDeviations      every invoice line billed at a price other than the contract's for a delivery
 * @param termsConcession      the value of the negotiated terms, per invoice
 * @param termsConcessionTotal their sum
 */
public record ContractStatement(String partnerId, String contractNumber, String currency, LocalDate from, LocalDate to,
        long days, Contract.PaymentTerms paymentTerms, StandardTerms standardTerms, List<PartFigures> parts, Money total,
        List<PriceDeviation> priceDeviations, List<TermsValue> termsConcession, BigDecimal termsConcessionTotal) {

    private static final int SHARE_SCALE = 20;
    private static final BigDecimal YEAR = BigDecimal.valueOf(365);

    public ContractStatement {
        parts = List.copyOf(parts);
        priceDeviations = List.copyOf(priceDeviations);
        termsConcession = List.copyOf(termsConcession);
    }

    /** The company's standard terms (settings {@code edihub.cash.*}). */
    public record StandardTerms(int netDays, BigDecimal annualCostOfMoney) {
    }

    /**
     * One part's figures.
     *
     * @param contractPrices    the contract prices valid on the part's deliveries in the period
     * @param realizedUnitPrice invoiced amount / invoiced quantity; none when nothing of it was invoiced
     * @param priceDeviations   how many of the deviations are the part's
     */
    public record PartFigures(String part, String buyerPart, String description, String unit, Quantities quantities,
            Money values, BigDecimal realizedUnitPrice, List<BigDecimal> contractPrices, int priceDeviations) {

        public PartFigures {
            contractPrices = List.copyOf(contractPrices);
        }
    }

    /** Quantities of one part, in its unit. */
    public record Quantities(BigDecimal ordered, BigDecimal released, BigDecimal shipped, BigDecimal accepted,
            BigDecimal rejected, BigDecimal invoiced, BigDecimal credited) {
    }

    /**
     * Money: the first five at contract prices, the rest as billed and paid.
     *
     * @param deductionsOpen what the customer withheld and a deduction claim still holds open
     * @param open           open receivables, all of them; {@code aging} splits them by days past due
     * @param dso            days sales outstanding; null when nothing was invoiced
     */
    public record Money(BigDecimal ordered, BigDecimal released, BigDecimal shipped, BigDecimal accepted,
            BigDecimal rejected, BigDecimal invoiced, BigDecimal credited, BigDecimal paid, BigDecimal discounts,
            BigDecimal deductionsOpen, BigDecimal open, Aging aging, BigDecimal dso) {
    }

    /** Open receivables by days past due on the period's last day. */
    public record Aging(BigDecimal days0To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90) {
    }

    /**
     * An invoice line billed at a price other than the contract's for a delivery it bills.
     *
     * @param contractPrice the contract's price on the delivery day; null when the contract has none for it
     */
    public record PriceDeviation(String invoiceNumber, String lineNumber, String releaseId, String part,
            LocalDate deliveryDay, BigDecimal billedPrice, BigDecimal contractPrice) {
    }

    /**
     * What the negotiated terms of one invoice are worth against the standard terms.
     *
     * @param daysGranted the contract's net days, or its discount days when the discount was earned
     * @param financing   total × annual cost of money × (days granted − standard net days) / 365
     * @param discount    the early-payment discount earned
     * @param value       financing + discount
     */
    public record TermsValue(String invoiceNumber, LocalDate invoiceDate, BigDecimal total, int daysGranted,
            BigDecimal financing, BigDecimal discount, BigDecimal value) {
    }

    /**
     * A release line of one of the contract's orders, as the order module publishes it.
     *
     * @param lineQuantity the order line's quantity (what the contract's quantity breaks read), null if unknown
     * @param unitPrice    the price the release line was priced at, used when the contract has none for the day
     * @param replacement  true on a release replacing rejected goods
     */
    public record Delivery(String releaseId, String lineNumber, LocalDate dueDate, String vendorPart, String buyerPart,
            String description, String unit, BigDecimal lineQuantity, BigDecimal unitPrice, BigDecimal quantity,
            BigDecimal released, BigDecimal shipped, BigDecimal accepted, BigDecimal rejected, BigDecimal reaccepted,
            boolean replacement) {
    }

    /** One line of an invoice as billed, with what was credited on it. */
    public record BilledLine(String invoiceNumber, String releaseId, String lineNumber, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal amount, BigDecimal creditedQuantity, BigDecimal creditedAmount) {
    }

    /** Where an invoice's money stands: total = credited + paid + discount + deducted + open. */
    public record InvoiceMoney(String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, BigDecimal total,
            BigDecimal credited, BigDecimal paid, BigDecimal discount, BigDecimal deducted, BigDecimal open) {
    }

    /**
     * Computes the statement.
     *
     * @param deliveries every release line of the contract's orders (those due in the period are counted; the others
     *                   still tell what an invoice line in the period billed)
     * @param invoices   the contract's invoices dated in the period
     * @param lines      their lines
     */
    public static ContractStatement of(String partnerId, Contract contract, LocalDate from, LocalDate to,
            StandardTerms standard, List<Delivery> deliveries, List<InvoiceMoney> invoices, List<BilledLine> lines) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Map<String, PartTally> tallies = new TreeMap<>();
        Map<String, List<Delivery>> byLine = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            byLine.computeIfAbsent(d.releaseId() + "\u0000" + d.lineNumber(), k -> new ArrayList<>()).add(d);
            if (d.dueDate().isBefore(from) || d.dueDate().isAfter(to)) {
                continue;
            }
            PartTally tally = tallies.computeIfAbsent(partKey(d), k -> new PartTally(d));
            Optional<BigDecimal> contractPrice = contractPrice(contract, d);
            contractPrice.ifPresent(p -> tally.contractPrices.add(p.stripTrailingZeros()));
            BigDecimal price = contractPrice.orElse(Objects.requireNonNullElse(d.unitPrice(), BigDecimal.ZERO));
            BigDecimal accepted = d.accepted().add(d.reaccepted());
            BigDecimal rejected = d.rejected().subtract(d.reaccepted());
            if (!d.replacement()) {
                tally.add(Item.ORDERED, d.quantity(), price);
            }
            tally.add(Item.RELEASED, d.released(), price);
            tally.add(Item.SHIPPED, d.shipped(), price);
            tally.add(Item.ACCEPTED, accepted, price);
            tally.add(Item.REJECTED, rejected, price);
        }

        List<PriceDeviation> deviations = new ArrayList<>();
        Map<String, List<BilledLine>> linesByInvoice = new LinkedHashMap<>();
        for (BilledLine l : lines) {
            linesByInvoice.computeIfAbsent(l.invoiceNumber(), k -> new ArrayList<>()).add(l);
            List<Delivery> billed = byLine.getOrDefault(l.releaseId() + "\u0000" + l.lineNumber(), List.of());
            PartTally tally = billed.isEmpty()
                    ? tallies.computeIfAbsent("(line " + l.lineNumber() + ")", k -> new PartTally(k))
                    : tallies.computeIfAbsent(partKey(billed.get(0)), k -> new PartTally(billed.get(0)));
            tally.invoicedQuantity = tally.invoicedQuantity.add(l.quantity());
            tally.creditedQuantity = tally.creditedQuantity.add(l.creditedQuantity());
            tally.money.merge(Item.INVOICED, l.amount(), BigDecimal::add);
            tally.money.merge(Item.CREDITED, l.creditedAmount(), BigDecimal::add);
            List<Delivery> shipped = billed.stream().filter(d -> d.shipped().signum() > 0).toList();
            TreeSet<LocalDate> checked = new TreeSet<>();
            for (Delivery d : shipped.isEmpty() ? billed : shipped) {
                if (!checked.add(d.dueDate())) {
                    continue;
                }
                Optional<BigDecimal> price = contractPrice(contract, d);
                if (price.isEmpty() || price.get().compareTo(l.unitPrice()) != 0) {
                    deviations.add(new PriceDeviation(l.invoiceNumber(), l.lineNumber(), l.releaseId(), tally.part,
                            d.dueDate(), l.unitPrice(), price.orElse(null)));
                    tally.deviations++;
                }
            }
            if (billed.isEmpty()) {
                deviations.add(new PriceDeviation(l.invoiceNumber(), l.lineNumber(), l.releaseId(), tally.part, null,
                        l.unitPrice(), null));
                tally.deviations++;
            }
        }

        Map<Item, BigDecimal> total = new LinkedHashMap<>();
        for (PartTally t : tallies.values()) {
            for (Item i : List.of(Item.ORDERED, Item.RELEASED, Item.SHIPPED, Item.ACCEPTED, Item.REJECTED)) {
                total.merge(i, t.money.getOrDefault(i, BigDecimal.ZERO), BigDecimal::add);
            }
        }
        Contract.PaymentTerms terms = contract.paymentTerms();
        List<TermsValue> concession = new ArrayList<>();
        BigDecimal concessionTotal = BigDecimal.ZERO;
        for (InvoiceMoney invoice : invoices) {
            Map<Item, BigDecimal> money = new LinkedHashMap<>();
            money.put(Item.PAID, invoice.paid());
            money.put(Item.DISCOUNTS, invoice.discount());
            money.put(Item.DEDUCTIONS_OPEN, invoice.deducted());
            money.put(Item.OPEN, invoice.open());
            money.put(Item.values()[Item.AGED_0_30.ordinal() + bucket(invoice.dueDate(), to)], invoice.open());
            money.forEach((item, amount) -> total.merge(item, amount, BigDecimal::add));
            total.merge(Item.INVOICED, invoice.total(), BigDecimal::add);
            total.merge(Item.CREDITED, invoice.credited(), BigDecimal::add);
            allocate(money, linesByInvoice.getOrDefault(invoice.invoiceNumber(), List.of()), byLine, tallies);
            if (terms != null) {
                TermsValue value = termsValue(invoice, terms, standard);
                concession.add(value);
                concessionTotal = concessionTotal.add(value.value());
            }
        }

        List<PartFigures> parts = new ArrayList<>();
        for (PartTally t : tallies.values()) {
            Quantities quantities = new Quantities(t.quantity(Item.ORDERED), t.quantity(Item.RELEASED),
                    t.quantity(Item.SHIPPED), t.quantity(Item.ACCEPTED), t.quantity(Item.REJECTED), t.invoicedQuantity,
                    t.creditedQuantity);
            BigDecimal realized = t.invoicedQuantity.signum() == 0 ? null
                    : t.money.getOrDefault(Item.INVOICED, BigDecimal.ZERO).divide(t.invoicedQuantity, SHARE_SCALE,
                            RoundingMode.HALF_UP);
            parts.add(new PartFigures(t.part, t.buyerPart, t.description, t.unit, quantities, money(t.money, days),
                    realized, new ArrayList<>(t.contractPrices), t.deviations));
        }
        return new ContractStatement(partnerId, contract.number(), contract.currency(), from, to, days, terms,
                standard, parts, money(total, days), deviations, concession, concessionTotal);
    }

    /** The index of the aging bucket of an invoice due on a day, on the period's last day. */
    static int bucket(LocalDate dueDate, LocalDate asOf) {
        long pastDue = ChronoUnit.DAYS.between(dueDate, asOf);
        return pastDue <= 30 ? 0 : pastDue <= 60 ? 1 : pastDue <= 90 ? 2 : 3;
    }

    /** Open receivables / invoiced × days; null when nothing was invoiced. */
    static BigDecimal daysSalesOutstanding(BigDecimal open, BigDecimal invoiced, long days) {
        if (invoiced.signum() == 0) {
            return null;
        }
        return open.multiply(BigDecimal.valueOf(days)).divide(invoiced, SHARE_SCALE, RoundingMode.HALF_UP);
    }

    /** What the invoice's terms are worth against the standard ones (see the class comment). */
    static TermsValue termsValue(InvoiceMoney invoice, Contract.PaymentTerms terms, StandardTerms standard) {
        boolean discountEarned = invoice.discount().signum() > 0 && terms.discountDays() != null;
        int granted = discountEarned ? terms.discountDays() : terms.netDays();
        BigDecimal financing = invoice.total().multiply(standard.annualCostOfMoney())
                .multiply(BigDecimal.valueOf((long) granted - standard.netDays()))
                .divide(YEAR, SHARE_SCALE, RoundingMode.HALF_UP);
        return new TermsValue(invoice.invoiceNumber(), invoice.invoiceDate(), invoice.total(), granted, financing,
                invoice.discount(), financing.add(invoice.discount()));
    }

    /** The statement with its money rounded HALF_UP to 2 decimals, prices to 6 and quantities without trailing zeros. */
    public ContractStatement rounded() {
        return new ContractStatement(partnerId, contractNumber, currency, from, to, days, paymentTerms, standardTerms,
                parts.stream().map(p -> new PartFigures(p.part(), p.buyerPart(), p.description(), p.unit(),
                        roundQuantities(p.quantities()), roundMoney(p.values()), price(p.realizedUnitPrice()),
                        p.contractPrices().stream().map(ContractStatement::price).toList(), p.priceDeviations())).toList(),
                roundMoney(total), priceDeviations.stream().map(d -> new PriceDeviation(d.invoiceNumber(), d.lineNumber(),
                        d.releaseId(), d.part(), d.deliveryDay(), price(d.billedPrice()), price(d.contractPrice()))).toList(),
                termsConcession.stream().map(v -> new TermsValue(v.invoiceNumber(), v.invoiceDate(), money(v.total()),
                        v.daysGranted(), money(v.financing()), money(v.discount()), money(v.value()))).toList(),
                money(termsConcessionTotal));
    }

    /**
     * The statement as CSV, one row per part and a last row {@code TOTAL} (with the terms concession), in the figures'
     * order; quantities are left empty on the total (parts have different units). The price deviations themselves
     * are in the JSON form only; here each part counts its own. Call it on the {@link #rounded()} statement.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", "part", "buyer_part", "description", "unit",
                "ordered_quantity", "ordered_value", "released_quantity", "released_value", "shipped_quantity",
                "shipped_value", "accepted_quantity", "accepted_value", "rejected_quantity", "rejected_value",
                "invoiced_quantity", "invoiced", "credited_quantity", "credited", "paid", "discounts", "deductions_open",
                "open", "open_0_30", "open_31_60", "open_61_90", "open_over_90", "dso", "realized_unit_price",
                "contract_prices", "price_deviations", "terms_concession")).append("\r\n");
        for (PartFigures p : parts) {
            Quantities q = p.quantities();
            row(csv, List.of(p.part(), p.buyerPart(), p.description(), p.unit()), List.of(q.ordered(), q.released(),
                    q.shipped(), q.accepted(), q.rejected(), q.invoiced(), q.credited()), p.values(),
                    List.of(plain(p.realizedUnitPrice()), String.join(" ", p.contractPrices().stream()
                            .map(BigDecimal::toPlainString).toList()), String.valueOf(p.priceDeviations()), ""));
        }
        List<BigDecimal> none = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            none.add(null);
        }
        row(csv, List.of("TOTAL", "", "", ""), none, total, List.of("", "", String.valueOf(priceDeviations.size()),
                plain(termsConcessionTotal)));
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> part, List<BigDecimal> q, Money m, List<String> rest) {
        List<String> cells = new ArrayList<>();
        part.forEach(c -> cells.add(cell(c)));
        BigDecimal[] values = {m.ordered(), m.released(), m.shipped(), m.accepted(), m.rejected()};
        for (int i = 0; i < values.length; i++) {
            cells.add(plain(q.get(i)));
            cells.add(plain(values[i]));
        }
        cells.add(plain(q.get(5)));
        cells.add(plain(m.invoiced()));
        cells.add(plain(q.get(6)));
        for (BigDecimal v : new BigDecimal[] {m.credited(), m.paid(), m.discounts(), m.deductionsOpen(), m.open(),
                m.aging().days0To30(), m.aging().days31To60(), m.aging().days61To90(), m.aging().over90(), m.dso()}) {
            cells.add(plain(v));
        }
        rest.forEach(c -> cells.add(cell(c)));
        csv.append(String.join(",", cells)).append("\r\n");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Money for people: HALF_UP to 2 decimals. */
    static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal price(BigDecimal price) {
        if (price == null) {
            return null;
        }
        BigDecimal p = price.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return p.scale() < 2 ? p.setScale(2) : p;
    }

    private static BigDecimal quantity(BigDecimal quantity) {
        BigDecimal q = quantity.stripTrailingZeros();
        return q.scale() < 0 ? q.setScale(0) : q;
    }

    private static Quantities roundQuantities(Quantities q) {
        return new Quantities(quantity(q.ordered()), quantity(q.released()), quantity(q.shipped()), quantity(q.accepted()),
                quantity(q.rejected()), quantity(q.invoiced()), quantity(q.credited()));
    }

    private static Money roundMoney(Money m) {
        Function<BigDecimal, BigDecimal> r = ContractStatement::money;
        return new Money(r.apply(m.ordered()), r.apply(m.released()), r.apply(m.shipped()), r.apply(m.accepted()),
                r.apply(m.rejected()), r.apply(m.invoiced()), r.apply(m.credited()), r.apply(m.paid()),
                r.apply(m.discounts()), r.apply(m.deductionsOpen()), r.apply(m.open()), new Aging(
                        r.apply(m.aging().days0To30()), r.apply(m.aging().days31To60()), r.apply(m.aging().days61To90()),
                        r.apply(m.aging().over90())), r.apply(m.dso()));
    }

    private static Money money(Map<Item, BigDecimal> m, long days) {
        Function<Item, BigDecimal> v = i -> m.getOrDefault(i, BigDecimal.ZERO);
        return new Money(v.apply(Item.ORDERED), v.apply(Item.RELEASED), v.apply(Item.SHIPPED), v.apply(Item.ACCEPTED),
                v.apply(Item.REJECTED), v.apply(Item.INVOICED), v.apply(Item.CREDITED), v.apply(Item.PAID),
                v.apply(Item.DISCOUNTS), v.apply(Item.DEDUCTIONS_OPEN), v.apply(Item.OPEN), new Aging(
                        v.apply(Item.AGED_0_30), v.apply(Item.AGED_31_60), v.apply(Item.AGED_61_90),
                        v.apply(Item.AGED_OVER_90)), daysSalesOutstanding(v.apply(Item.OPEN), v.apply(Item.INVOICED), days));
    }

    /** Shares an invoice's money among the parts of its lines, in proportion to what each line still bills. */
    private static void allocate(Map<Item, BigDecimal> money, List<BilledLine> lines, Map<String, List<Delivery>> byLine,
            Map<String, PartTally> tallies) {
        if (lines.isEmpty()) {
            return;
        }
        List<BigDecimal> weights = lines.stream().map(l -> l.amount().subtract(l.creditedAmount())).toList();
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.signum() == 0) {
            weights = lines.stream().map(BilledLine::amount).toList();
            sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (sum.signum() == 0) {
            weights = lines.stream().map(l -> BigDecimal.ONE).toList();
            sum = BigDecimal.valueOf(lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            BilledLine l = lines.get(i);
            List<Delivery> billed = byLine.getOrDefault(l.releaseId() + "\u0000" + l.lineNumber(), List.of());
            PartTally tally = tallies.get(billed.isEmpty() ? "(line " + l.lineNumber() + ")" : partKey(billed.get(0)));
            BigDecimal share = weights.get(i).divide(sum, SHARE_SCALE, RoundingMode.HALF_UP);
            money.forEach((item, amount) -> tally.money.merge(item, amount.multiply(share), BigDecimal::add));
        }
    }

    private static Optional<BigDecimal> contractPrice(Contract contract, Delivery d) {
        return contract.unitPrice(d.vendorPart(), d.buyerPart(), d.dueDate(),
                d.lineQuantity() != null ? d.lineQuantity() : d.quantity());
    }

    private static String partKey(Delivery d) {
        return d.vendorPart() != null ? d.vendorPart() : d.buyerPart() != null ? d.buyerPart() : "(line " + d.lineNumber() + ")";
    }

    private enum Item {
        ORDERED, RELEASED, SHIPPED, ACCEPTED, REJECTED, INVOICED, CREDITED, PAID, DISCOUNTS, DEDUCTIONS_OPEN, OPEN,
        AGED_0_30, AGED_31_60, AGED_61_90, AGED_OVER_90
    }

    /** One part's running sums while the statement is computed. */
    private static final class PartTally {
        final String part;
        final String buyerPart;
        final String description;
        final String unit;
        final Map<Item, BigDecimal> quantities = new LinkedHashMap<>();
        final Map<Item, BigDecimal> money = new LinkedHashMap<>();
        final TreeSet<BigDecimal> contractPrices = new TreeSet<>();
        BigDecimal invoicedQuantity = BigDecimal.ZERO;
        BigDecimal creditedQuantity = BigDecimal.ZERO;
        int deviations;

        PartTally(Delivery d) {
            this.part = partKey(d);
            this.buyerPart = d.buyerPart();
            this.description = d.description();
            this.unit = d.unit();
        }

        PartTally(String part) {
            this.part = part;
            this.buyerPart = null;
            this.description = null;
            this.unit = null;
        }

        void add(Item item, BigDecimal quantity, BigDecimal price) {
            quantities.merge(item, quantity, BigDecimal::add);
            money.merge(item, quantity.multiply(price), BigDecimal::add);
        }

        BigDecimal quantity(Item item) {
            return quantities.getOrDefault(item, BigDecimal.ZERO);
        }
    }
}
