package io.edihub.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Our invoices as billed, per line with what was credited on each: what a claim on invoiced goods is checked against. */
@Repository
public class Invoices {

    private final JdbcTemplate jdbc;

    Invoices(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One invoice.
     *
     * @param credited the sum of its credit notes
     */
    public record Billed(long id, String invoiceNumber, String partnerId, String poNumber, String releaseId,
            String currency, BigDecimal total, BigDecimal credited, LocalDate invoiceDate, List<Line> lines) {

        public Billed {
            lines = List.copyOf(lines);
        }

        public Optional<Line> line(String lineNumber) {
            return lines.stream().filter(l -> l.lineNumber().equals(lineNumber)).findFirst();
        }

        /** The releases it billed, in their ids' order: one, or a consolidated invoice's several. */
        public List<String> releaseIds() {
            return lines.stream().map(Line::releaseId).distinct().sorted().toList();
        }
    }

    /**
     * One invoice line: what it billed and what of it was credited.
     *
     * @param lineNumber the line's number on the invoice: the PO line's on an invoice of one acceptance, 1, 2, ... on a
     *                   consolidated invoice
     * @param releaseId  the release it billed
     * @param poLine     the PO line it billed, the release's line number
     */
    public record Line(String lineNumber, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount,
            BigDecimal creditedQuantity, BigDecimal creditedAmount, String releaseId, String poLine) {

        /** The quantity still to credit at most. */
        public BigDecimal openQuantity() {
            return quantity.subtract(creditedQuantity);
        }

        /** The amount still to credit at most. */
        public BigDecimal openAmount() {
            return amount.subtract(creditedAmount);
        }
    }

    /**
     * The partner's invoice with that number; locked until the caller's transaction ends when {@code lock} is set, so
     * two credits on one invoice never interleave.
     */
    public Optional<Billed> find(String partnerId, String invoiceNumber, boolean lock) {
        return jdbc.query("select id, invoice_number, partner_id, po_number, release_id, currency, total, credited, invoice_date "
                        + "from invoice where partner_id = ? and invoice_number = ?" + (lock ? " for update" : ""),
                (rs, i) -> new Billed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBigDecimal(7).stripTrailingZeros(), rs.getBigDecimal(8).stripTrailingZeros(),
                        rs.getDate(9).toLocalDate(), lines(rs.getLong(1))), partnerId, invoiceNumber)
                .stream().findFirst();
    }

    private List<Line> lines(long invoice) {
        return jdbc.query("select line_number, quantity, unit, unit_price, amount, credited_quantity, credited_amount, "
                        + "release_id, po_line from invoice_line where invoice = ? order by line_number",
                (rs, i) -> new Line(rs.getString(1), plain(rs.getBigDecimal(2)), rs.getString(3), plain(rs.getBigDecimal(4)),
                        plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7)), rs.getString(8),
                        rs.getString(9)), invoice);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
