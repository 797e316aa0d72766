package io.edihub.cash;

import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.Remittance;
import io.edihub.outbound.Outbox;
import io.edihub.outbound.Topics;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The payments on file, what each of their lines came to and every application of their cash. */
@Repository
public class PaymentBook {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final Topics topics;

    PaymentBook(JdbcTemplate jdbc, Outbox outbox, Topics topics) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.topics = topics;
    }

    /**
     * A payment as it stands.
     *
     * @param applied   what of it is applied to invoices
     * @param unapplied what of it waits on the partner's account
     */
    public record Payment(long id, String partnerId, String traceNumber, BigDecimal total, String currency, String method,
            LocalDate paymentDate, String channel, Long documentId, BigDecimal applied, BigDecimal unapplied,
            Instant receivedAt, String receivedBy, List<Line> lines, List<Application> applications) {

        public Payment {
            lines = List.copyOf(lines);
            applications = List.copyOf(applications);
        }
    }

    /** What one remittance line came to. */
    public record Line(int lineNo, String invoiceNumber, BigDecimal paid, BigDecimal discountTaken,
            BigDecimal invoiceAmount, String outcome, BigDecimal applied, BigDecimal discount, BigDecimal deducted,
            BigDecimal unapplied, String claimNumber, String reason, String message) {
    }

    /**
     * One movement of the payment's cash onto an invoice (or, negative, off it).
     *
     * @param kind REMITTANCE, OPERATOR or CREDIT_RETURN
     */
    public record Application(long id, String key, String invoiceNumber, BigDecimal amount, BigDecimal discount,
            String kind, String actor, String note, Instant appliedAt) {
    }

    /** The new payment's id; empty when the partner's trace number is on file already (taken meanwhile). */
    Optional<Long> insert(Remittance r, String currency, String channel, Long documentId, String actor, Instant now) {
        return jdbc.queryForList("insert into payment (partner_id, trace_number, total, currency, method, payment_date, "
                        + "document, channel, applied, unapplied, content, received_at, received_by) values (?, ?, ?, ?, ?, ?, "
                        + "?, ?, 0, ?, cast(? as jsonb), ?, ?) on conflict (partner_id, trace_number) do nothing returning id",
                Long.class, r.partnerId(), r.traceNumber(),
                r.total(), currency, r.method(), Date.valueOf(r.paymentDate()), documentId, channel, r.total(),
                CanonicalJson.compact(r), Timestamp.from(now), actor).stream().findFirst();
    }

    void line(long paymentId, int lineNo, Remittance.Line l, PaymentEvent.Line outcome) {
        jdbc.update("insert into payment_line (payment, line_no, invoice_number, paid, discount_taken, invoice_amount, "
                        + "outcome, applied, discount, deducted, unapplied, claim_number, reason, message) values (?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?)", paymentId, lineNo, l.invoiceNumber(), l.paid(),
                l.discount() == null ? BigDecimal.ZERO : l.discount(), l.invoiceAmount(), outcome.outcome(), outcome.applied(),
                outcome.discount(), outcome.deducted(), outcome.unapplied(), outcome.claimNumber(),
                l.adjustments().isEmpty() ? null : String.join("; ", l.adjustments().stream()
                        .map(a -> a.reasonCode() + " " + a.amount().toPlainString()).toList()), outcome.message());
    }

    /** Sets what of the payment its remittance lines applied; the rest is unapplied. */
    void applied(long paymentId, BigDecimal applied) {
        jdbc.update("update payment set applied = ?, unapplied = total - ? where id = ?", applied, applied, paymentId);
    }

    /** Moves {@code amount} of the payment from unapplied to applied (negative: back to unapplied). */
    void shift(long paymentId, BigDecimal amount) {
        jdbc.update("update payment set applied = applied + ?, unapplied = unapplied - ? where id = ?", amount, amount,
                paymentId);
    }

    /** Records an application; false when one with that key is on file already (then nothing was written). */
    boolean application(long paymentId, String key, String partnerId, String invoiceNumber, BigDecimal amount,
            BigDecimal discount, String kind, String actor, String note, Instant now) {
        return jdbc.update("insert into payment_application (application_key, payment, partner_id, invoice_number, amount, "
                        + "discount, kind, actor, note, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (application_key) do nothing", key, paymentId, partnerId, invoiceNumber, amount,
                discount, kind, actor, note, Timestamp.from(now)) == 1;
    }

    boolean applicationExists(String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from payment_application where "
                + "application_key = ?)", Boolean.class, key));
    }

    void publish(PaymentEvent event) {
        outbox.add(topics.payments(), event.partnerId(), event.eventId(), "io.edihub.payment.v1", event);
    }

    /** The payment, locked until the caller's transaction ends when {@code lock} is set. */
    public Optional<Payment> find(long id, boolean lock) {
        return jdbc.query(SELECT + "where id = ?" + (lock ? " for update" : ""), this::payment, id).stream().findFirst();
    }

    public Optional<Payment> find(long id) {
        return find(id, false);
    }

    /** The partner's payment with that trace number. */
    public Optional<Payment> byTrace(String partnerId, String traceNumber) {
        return jdbc.query(SELECT + "where partner_id = ? and trace_number = ?", this::payment, partnerId, traceNumber)
                .stream().findFirst();
    }

    /**
     * Payments, newest first.
     *
     * @param partnerId     only this partner's, or null for all
     * @param unappliedOnly only those with cash still on the account
     */
    public List<Payment> list(String partnerId, boolean unappliedOnly, int limit) {
        return jdbc.query(SELECT + "where (cast(? as text) is null or partner_id = ?) and (not ? or unapplied > 0) "
                + "order by received_at desc, id desc limit ?", this::payment, partnerId, partnerId, unappliedOnly, limit);
    }

    /** The payments that applied cash to the invoice, with what each has on it now, latest first. */
    List<long[]> paymentsOn(String partnerId, String invoiceNumber) {
        return jdbc.query("select payment from payment_application where partner_id = ? and invoice_number = ? "
                + "group by payment having sum(amount) > 0 order by max(applied_at) desc, payment desc",
                (rs, i) -> new long[] {rs.getLong(1)}, partnerId, invoiceNumber);
    }

    /** What the payment has applied to the invoice, net of anything given back. */
    BigDecimal appliedTo(long paymentId, String invoiceNumber) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from payment_application where payment = ? "
                + "and invoice_number = ?", BigDecimal.class, paymentId, invoiceNumber);
    }

    private static final String SELECT = "select id, partner_id, trace_number, total, currency, method, payment_date, "
            + "channel, document, applied, unapplied, received_at, received_by from payment ";

    private Payment payment(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong(1);
        long document = rs.getLong(9);
        return new Payment(id, rs.getString(2), rs.getString(3), plain(rs.getBigDecimal(4)), rs.getString(5),
                rs.getString(6), rs.getDate(7).toLocalDate(), rs.getString(8), rs.wasNull() ? null : document,
                plain(rs.getBigDecimal(10)), plain(rs.getBigDecimal(11)), rs.getTimestamp(12).toInstant(),
                rs.getString(13), lines(id), applications(id));
    }

    private List<Line> lines(long paymentId) {
        return jdbc.query("select line_no, invoice_number, paid, discount_taken, invoice_amount, outcome, applied, discount, "
                        + "deducted, unapplied, claim_number, reason, message from payment_line where payment = ? order by line_no",
                (rs, i) -> new Line(rs.getInt(1), rs.getString(2), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)),
                        rs.getBigDecimal(5) == null ? null : plain(rs.getBigDecimal(5)), rs.getString(6),
                        plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9)),
                        plain(rs.getBigDecimal(10)), rs.getString(11), rs.getString(12), rs.getString(13)), paymentId);
    }

    private List<Application> applications(long paymentId) {
        return jdbc.query("select id, application_key, invoice_number, amount, discount, kind, actor, note, applied_at "
                        + "from payment_application where payment = ? order by id",
                (rs, i) -> new Application(rs.getLong(1), rs.getString(2), rs.getString(3), plain(rs.getBigDecimal(4)),
                        plain(rs.getBigDecimal(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()), paymentId);
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
