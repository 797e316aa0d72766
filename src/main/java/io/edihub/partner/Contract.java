package io.edihub.partner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deal negotiated with a customer: what it buys at which price, on which terms, up to which value.
 * Invoices always use the contract's prices and terms, never the ones a PO states.
 *
 * @param number         the contract number (the customer quotes it in BEG06 / REF CT)
 * @param validFrom      first day the contract applies
 * @param validTo        last day the contract applies
 * @param currency       the currency of every price in it
 * @param prices         the price list
 * @param paymentTerms   the negotiated payment terms
 * @param supplierNumber our supplier (vendor) number in the customer's systems
 * @param orderLimit     the highest value one order may have at contract prices, or null
 * @param releaseLimit   the highest value one monthly release may have at contract prices, or null
 * @param priceMismatch  what happens when an order's price differs from the contract's
 */
public record Contract(String number, LocalDate validFrom, LocalDate validTo, String currency, List<Price> prices,
        PaymentTerms paymentTerms, String supplierNumber, BigDecimal orderLimit, BigDecimal releaseLimit,
        PriceMismatch priceMismatch) {

    public Contract {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(priceMismatch, "priceMismatch");
        prices = List.copyOf(prices);
    }

    /** True when the day falls within the contract's validity. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** The price list entries for a part, matched on our part number first, then the customer's. */
    public List<Price> entriesFor(String vendorPart, String buyerPart) {
        List<Price> byVendor = matching(vendorPart, false);
        return byVendor.isEmpty() ? matching(buyerPart, true) : byVendor;
    }

    // a loop, not a stream: a blanket order asks this for each of its tens of thousands of deliveries
    private List<Price> matching(String part, boolean buyers) {
        if (part == null) {
            return List.of();
        }
        List<Price> found = null;
        for (Price p : prices) {
            if (part.equals(buyers ? p.buyerPart() : p.part())) {
                if (found == null) {
                    found = new java.util.ArrayList<>(2);
                }
                found.add(p);
            }
        }
        return found == null ? List.of() : java.util.Collections.unmodifiableList(found);
    }

    /**
     * The contract unit price for a part delivered on a day, for a line of the given quantity: the entry
     * valid on that day, with its best quantity break the quantity reaches. Empty when the contract has no
     * price for the part on that day.
     */
    public Optional<BigDecimal> unitPrice(String vendorPart, String buyerPart, LocalDate day, BigDecimal quantity) {
        for (Price p : entriesFor(vendorPart, buyerPart)) {
            if (p.validOn(day)) {
                return Optional.of(p.unitPriceFor(quantity));
            }
        }
        return Optional.empty();
    }

    /**
     * One price list entry.
     *
     * @param part        our part number
     * @param buyerPart   the customer's part number for it, if known
     * @param description what it is
     * @param unit        unit of measure the price is per
     * @param unitPrice   the base unit price
     * @param validFrom   first delivery day the price applies to (null: from the contract's start)
     * @param validTo     last delivery day the price applies to (null: to the contract's end)
     * @param breaks      lower unit prices from a line quantity on
     */
    public record Price(String part, String buyerPart, String description, String unit, BigDecimal unitPrice,
            LocalDate validFrom, LocalDate validTo, List<QuantityBreak> breaks) {

        public Price {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(unitPrice, "unitPrice");
            breaks = breaks.stream().sorted(Comparator.comparing(QuantityBreak::minQuantity)).toList();
        }

        public boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        /** True when the two entries' validity overlap (open ends count as unbounded). */
        public boolean overlaps(Price other) {
            LocalDate aFrom = validFrom == null ? LocalDate.MIN : validFrom;
            LocalDate aTo = validTo == null ? LocalDate.MAX : validTo;
            LocalDate bFrom = other.validFrom == null ? LocalDate.MIN : other.validFrom;
            LocalDate bTo = other.validTo == null ? LocalDate.MAX : other.validTo;
            return !aFrom.isAfter(bTo) && !bFrom.isAfter(aTo);
        }

        /** The unit price for a line quantity: the highest break the quantity reaches, else the base price. */
        public BigDecimal unitPriceFor(BigDecimal quantity) {
            BigDecimal price = unitPrice;
            for (QuantityBreak b : breaks) {
                if (quantity != null && quantity.compareTo(b.minQuantity()) >= 0) {
                    price = b.unitPrice();
                }
            }
            return price;
        }
    }

    /** From {@code minQuantity} on (per order line), the unit price is {@code unitPrice}. */
    public record QuantityBreak(BigDecimal minQuantity, BigDecimal unitPrice) {
    }

    /**
     * Negotiated payment terms, e.g. net 90, 2 % if paid within 10 days, counted from the day {@code dueFrom} names.
     *
     * @param netDays         days from the terms' start until the invoice is due
     * @param discountPercent early-payment discount, or null
     * @param discountDays    days from the terms' start within which the discount applies, or null
     * @param description     the terms in words ("NET 90 2% 10")
     * @param dueFrom         the day the terms run from; INVOICE when not given
     */
    public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays, String description,
            DueFrom dueFrom) {

        public PaymentTerms {
            dueFrom = dueFrom == null ? DueFrom.INVOICE : dueFrom;
        }

        /** True when paying early earns a discount. */
        public boolean hasDiscount() {
            return discountPercent != null && discountDays != null;
        }
    }

    /** The day an invoice's payment terms run from (its net days and discount days count from it). */
    public enum DueFrom {
        /** the invoice date */
        INVOICE,
        /** the day the customer accepted the goods */
        ACCEPTANCE,
        /**
         * the later of the invoice date and the acceptance date, as a federal buyer pays (FAR 32.904: 30 days
         * after the later of a proper invoice and acceptance)
         */
        LATER_OF_INVOICE_AND_ACCEPTANCE
    }

    /** What happens when a PO's price differs from the contract price. */
    public enum PriceMismatch {
        /** the order is taken at the contract price and the 855 says so (line status IP) */
        CONTRACT_WINS,
        /** the order is held until a person approves or rejects it */
        HOLD
    }
}
