package io.edihub.billing;

import io.edihub.order.ReleaseLedger;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each invoice's money stands: {@code paid + credited + discount + deducted + open = total}, the database's
 * CHECK refusing any move past it. Cash is applied and deductions raised and ended only through here; an invoice
 * whose open balance and deductions reach zero no longer holds its release open, and one that opens again does.
 */
@Component
public class InvoiceBalances {

    private final JdbcTemplate jdbc;
    private final ReleaseLedger ledger;

    InvoiceBalances(JdbcTemplate jdbc, ReleaseLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /**
     * One invoice's balance.
     *
     * @param discountDate    the last day the early-payment discount may be taken; null when the terms have none
     * @param discountAllowed the discount the terms allow on it; null when they have none
     */
    public record Balance(long id, String invoiceNumber, String partnerId, String poNumber, String releaseId,
            String currency, BigDecimal total, BigDecimal credited, BigDecimal paid, BigDecimal discount,
            BigDecimal deducted, LocalDate invoiceDate, LocalDate dueDate, LocalDate discountDate,
            BigDecimal discountAllowed) {

        /** What nobody has paid, credited, discounted or deducted yet. */
        public BigDecimal open() {
            return total.subtract(paid).subtract(credited).subtract(discount).subtract(deducted);
        }

        /** Nothing open and no deduction waiting: the invoice no longer holds its release open. */
        public boolean settled() {
            return open().signum() == 0 && deducted.signum() == 0;
        }

        /** PAID, PARTIALLY_PAID (something paid, something still open or deducted), CREDITED or OPEN. */
        public String status() {
            if (settled()) {
                return paid.signum() > 0 || discount.signum() > 0 ? "PAID" : "CREDITED";
            }
            return paid.signum() > 0 || discount.signum() > 0 ? "PARTIALLY_PAID" : "OPEN";
        }
    }

    /** A move of an invoice's money: each part added (negative to take away). */
    public record Move(BigDecimal paid, BigDecimal discount, BigDecimal deducted, BigDecimal credited) {

        public static Move payment(BigDecimal paid, BigDecimal discount, BigDecimal deducted) {
            return new Move(paid, discount, deducted, BigDecimal.ZERO);
        }
    }

    /** The invoice with that number, whoever it was billed to. */
    public Optional<Balance> find(String invoiceNumber) {
        return query("where invoice_number = ?", invoiceNumber).stream().findFirst();
    }

    /**
     * The partner's invoice with that number; locked until the caller's transaction ends when {@code lock} is set.
     * Lock its release first ({@link ReleaseLedger#lock}): the order every change of an invoice takes its locks in.
     */
    public Optional<Balance> find(String partnerId, String invoiceNumber, boolean lock) {
        return query("where partner_id = ? and invoice_number = ?" + (lock ? " for update" : ""), partnerId, invoiceNumber)
                .stream().findFirst();
    }

    /** The partner's invoices with anything open or deducted, oldest first. */
    public List<Balance> unsettled(String partnerId) {
        return query("where partner_id = ? and (total - paid - credited - discount - deducted > 0 or deducted > 0) "
                + "order by invoice_date, invoice_number", partnerId);
    }

    /**
     * Moves the invoice's money, which the caller holds locked. The database refuses a move that would take any part
     * below zero or the parts above the total.
     *
     * @return the balance after the move
     */
    public Balance move(Balance before, Move move) {
        jdbc.update("update invoice set paid = paid + ?, discount = discount + ?, deducted = deducted + ?, "
                + "credited = credited + ? where id = ?", move.paid(), move.discount(), move.deducted(), move.credited(),
                before.id());
        Balance after = query("where id = ?", before.id()).get(0);
        changed(before, after);
        return after;
    }

    /** A move made elsewhere in billing (a credit note): the release learns when the invoice settled or opened again. */
    void changed(Balance before, Balance after) {
        if (!before.settled() && after.settled()) {
            releases(after).forEach(release -> ledger.invoiceSettled(after.partnerId(), release));
        } else if (before.settled() && !after.settled()) {
            releases(after).forEach(release -> ledger.invoiceReopened(after.partnerId(), release));
        }
    }

    /**
     * The releases an invoice bills, in their ids' order: its own, or a consolidated invoice's (one per release its
     * lines name). Each stays open while the invoice is; lock them in this order before the invoice.
     */
    public List<String> releases(Balance invoice) {
        if (invoice.releaseId() != null) {
            return List.of(invoice.releaseId());
        }
        return jdbc.queryForList("select distinct release_id from invoice_line where invoice = ? order by release_id",
                String.class, invoice.id());
    }

    private List<Balance> query(String where, Object... args) {
        return jdbc.query("select id, invoice_number, partner_id, po_number, release_id, currency, total, credited, paid, "
                        + "discount, deducted, invoice_date, due_date, discount_date, discount_allowed from invoice " + where,
                (rs, i) -> new Balance(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9)),
                        plain(rs.getBigDecimal(10)), plain(rs.getBigDecimal(11)), rs.getDate(12).toLocalDate(),
                        rs.getDate(13).toLocalDate(), rs.getDate(14) == null ? null : rs.getDate(14).toLocalDate(),
                        rs.getBigDecimal(15) == null ? null : plain(rs.getBigDecimal(15))), args);
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
