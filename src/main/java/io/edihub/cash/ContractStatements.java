package io.edihub.cash;

import io.edihub.partner.Contract;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what a {@link ContractStatement} is made of: the release lines of the contract's orders (the order module's
 * {@code release_line_part_overview}) and its invoices with their lines (billing's {@code invoice_overview} and
 * {@code invoice_line_overview}). An order belongs to the contract when it names the contract's number, or names
 * none: the partner has one contract, and its prices and terms apply to every order.
 */
@Component
public class ContractStatements {

    private static final String CONTRACT_ORDERS = "po_number in (select po_number from order_overview where partner_id = ? "
            + "and coalesce(contract_number, ?) = ?)";

    private final JdbcTemplate jdbc;
    private final PartnerDirectory partners;
    private final CashSettings settings;
    private final Clock clock;

    ContractStatements(JdbcTemplate jdbc, PartnerDirectory partners, CashSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.settings = settings;
        this.clock = clock;
    }

    /** A period that ends before it starts. */
    public static final class BadPeriod extends RuntimeException {

        BadPeriod(String message) {
            super(message);
        }
    }

    /**
     * The statement of a partner's contract over a period, unrounded.
     *
     * @param from first day; null for the contract's first day
     * @param to   last day; null for the contract's last day or today, whichever comes first
     * @return empty when the partner is unknown or its contract has another number
     * @throws BadPeriod when the period ends before it starts
     */
    @Transactional(readOnly = true)
    public Optional<ContractStatement> statement(String partnerId, String contractNumber, LocalDate from, LocalDate to) {
        Optional<Contract> found = partners.byId(partnerId).map(PartnerProfile::contract)
                .filter(c -> c.number().equals(contractNumber));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contract contract = found.get();
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : contract.validFrom();
        LocalDate end = to != null ? to : today.isBefore(contract.validTo()) ? today : contract.validTo();
        if (end.isBefore(start)) {
            throw new BadPeriod("the period from " + start + " to " + end + " ends before it starts"
                    + (from == null || to == null ? " (an open end is the contract's validity, bounded by today)" : ""));
        }
        List<ContractStatement.Delivery> deliveries = jdbc.query("select release_id, line_number, due_date, vendor_part, "
                        + "buyer_part, description, unit, line_quantity, unit_price, quantity, released, shipped, accepted, "
                        + "rejected, reaccepted, replacement from release_line_part_overview where partner_id = ? "
                        + "and coalesce(contract_number, ?) = ? order by release_id, line_number, due_date",
                (rs, i) -> new ContractStatement.Delivery(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getBigDecimal(12),
                        rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15), rs.getBoolean(16)),
                partnerId, contractNumber, contractNumber);
        List<ContractStatement.InvoiceMoney> invoices = jdbc.query("select invoice_number, invoice_date, due_date, total, "
                        + "credited, paid, discount, deducted, open_balance from invoice_overview where partner_id = ? "
                        // by its lines' POs: a consolidated invoice of a contract bills several
                        + "and invoice_date between ? and ? and invoice_number in (select invoice_number from "
                        + "invoice_line_overview where partner_id = ? and " + CONTRACT_ORDERS + ") "
                        + "order by invoice_date, invoice_number",
                (rs, i) -> new ContractStatement.InvoiceMoney(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3).toLocalDate(), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6),
                        rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9)),
                partnerId, Date.valueOf(start), Date.valueOf(end), partnerId, partnerId, contractNumber, contractNumber);
        List<ContractStatement.BilledLine> lines = jdbc.query("select invoice_number, release_id, line_number, quantity, "
                        + "unit_price, amount, credited_quantity, credited_amount from invoice_line_overview "
                        + "where partner_id = ? and invoice_date between ? and ? and " + CONTRACT_ORDERS
                        + " order by invoice_number, line_number",
                (rs, i) -> new ContractStatement.BilledLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getBigDecimal(8)),
                partnerId, Date.valueOf(start), Date.valueOf(end), partnerId, contractNumber, contractNumber);
        return Optional.of(ContractStatement.of(partnerId, contract, start, end, new ContractStatement.StandardTerms(
                settings.standardNetDays(), settings.annualCostOfMoney()), deliveries, invoices, lines));
    }
}
