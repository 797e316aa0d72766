package io.edihub.claims;

import com.fasterxml.jackson.core.type.TypeReference;
import io.edihub.canonical.CanonicalJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The claims' tables: claims with their lines, settlements and steps. Every write runs in the caller's transaction. */
@Repository
class ClaimBook {

    private static final String COLUMNS = "id, claim_number, partner_id, po_number, release_id, kind, source, source_ref, "
            + "invoice_number, currency, reason, condition, status, raised_by, raised_at, ended_at";

    private final JdbcTemplate jdbc;

    ClaimBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new claim is made of. */
    record NewClaim(String partnerId, String poNumber, String releaseId, Claim.Kind kind, Claim.Source source,
            String sourceRef, String claimKey, Long acceptance, String invoiceNumber, String currency, String reason,
            String condition, String raisedBy, Instant raisedAt, List<Claim.Line> lines) {
    }

    /** Stores a claim with its lines and its first step; the number follows from the row id. */
    long insert(NewClaim c) {
        Long id = jdbc.queryForObject("select nextval(pg_get_serial_sequence('claim', 'id'))", Long.class);
        jdbc.update("insert into claim (id, claim_number, partner_id, po_number, release_id, kind, source, source_ref, claim_key, "
                + "acceptance, invoice_number, currency, reason, condition, status, raised_by, raised_at) values (?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)", id, number(id), c.partnerId(), c.poNumber(), c.releaseId(),
                c.kind().name(), c.source().name(), c.sourceRef(), c.claimKey(), c.acceptance(), c.invoiceNumber(),
                c.currency(), c.reason(), c.condition(), c.raisedBy(), Timestamp.from(c.raisedAt()));
        jdbc.batchUpdate("insert into claim_line (claim, line_number, unit, unit_price, returned, disputed, quantity, amount) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", c.lines().stream().map(l -> new Object[] {id, l.lineNumber(), l.unit(),
                    l.unitPrice(), l.returned(), l.disputed(), l.quantity(), l.amount()}).toList());
        return id;
    }

    static String number(long id) {
        return String.format("CLM-%08d", id);
    }

    /** The claim raised by that source for that release before, if any. */
    Optional<Long> bySource(String partnerId, Claim.Source source, String sourceRef, String releaseId) {
        return jdbc.queryForList("select id from claim where partner_id = ? and source = ? and source_ref = ? and release_id = ?",
                Long.class, partnerId, source.name(), sourceRef, releaseId).stream().findFirst();
    }

    /** The claim, locked until the caller's transaction ends when {@code lock} is set. */
    Optional<Claim> find(long id, boolean lock) {
        return jdbc.query("select " + COLUMNS + " from claim where id = ?" + (lock ? " for update" : ""),
                (rs, i) -> claim(rs), id).stream().findFirst();
    }

    /** Claims, newest first, in one of the statuses, narrowed by partner and PO when given. */
    List<Claim> list(List<Claim.Status> statuses, String partnerId, String poNumber, int limit) {
        return jdbc.query("select " + COLUMNS + " from claim where status = any (?) "
                        + "and (cast(? as text) is null or partner_id = ?) and (cast(? as text) is null or po_number = ?) "
                        + "order by id desc limit ?", (rs, i) -> claim(rs),
                statuses.stream().map(Enum::name).toArray(String[]::new), partnerId, partnerId, poNumber, poNumber, limit);
    }

    /** The claims on one release that are not yet settled or denied. */
    List<Long> openOn(String partnerId, String releaseId) {
        return jdbc.queryForList("select id from claim where partner_id = ? and release_id = ? and status in ('OPEN', 'SETTLING') "
                + "order by id", Long.class, partnerId, releaseId);
    }

    void step(long claim, Instant at, String actor, String action, String detail) {
        jdbc.update("insert into claim_event (claim, at, actor, action, detail) values (?, ?, ?, ?, ?)", claim,
                Timestamp.from(at), actor, action, detail);
    }

    void status(long claim, Claim.Status status, Instant endedAt) {
        jdbc.update("update claim set status = ?, ended_at = ? where id = ?", status.name(),
                endedAt == null ? null : Timestamp.from(endedAt), claim);
    }

    void decide(long claim, String lineNumber, BigDecimal quantity, BigDecimal amount) {
        jdbc.update("update claim_line set decided = decided + ?, decided_amount = decided_amount + ? where claim = ? "
                + "and line_number = ?", quantity, amount, claim, lineNumber);
    }

    /** The settlement with that key, on whichever claim. */
    Optional<Long> settlementClaim(String settlementKey) {
        return jdbc.queryForList("select claim from claim_settlement where settlement_key = ?", Long.class, settlementKey)
                .stream().findFirst();
    }

    void insertSettlement(long claim, Claim.Settlement s) {
        jdbc.update("insert into claim_settlement (claim, settlement_key, decision, reason, decided_by, decided_at, status, lines, "
                + "replacement_release, rma_number, invoice_number, credit_note_number, loss, completed_at) values (?, ?, ?, ?, "
                + "?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)", claim, s.settlementKey(), s.decision().name(), s.reason(),
                s.decidedBy(), Timestamp.from(s.decidedAt()), s.status(), CanonicalJson.compact(s.lines()),
                s.replacementRelease(), s.rmaNumber(), s.invoiceNumber(), s.creditNoteNumber(), s.loss(),
                s.completedAt() == null ? null : Timestamp.from(s.completedAt()));
    }

    /** The claim of the settlement still waiting for that replacement release, if any. */
    Optional<Long> waitingForReplacement(String replacementRelease) {
        return jdbc.queryForList("select claim from claim_settlement where replacement_release = ? and status = 'WAITING'",
                Long.class, replacementRelease).stream().findFirst();
    }

    /** The waiting return settlement of that RMA: its claim and settlement key. */
    Optional<Object[]> waitingReturn(String rmaNumber) {
        return jdbc.query("select claim, settlement_key, lines from claim_settlement where rma_number = ? and status = 'WAITING'",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, rmaNumber).stream().findFirst();
    }

    void complete(String settlementKey, Instant at) {
        jdbc.update("update claim_settlement set status = 'DONE', completed_at = ? where settlement_key = ?",
                Timestamp.from(at), settlementKey);
    }

    private Claim claim(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        return new Claim(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Claim.Kind.valueOf(rs.getString(6)), Claim.Source.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), Claim.Status.valueOf(rs.getString(13)),
                rs.getString(14), rs.getTimestamp(15).toInstant(),
                rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(), lines(id), settlements(id), steps(id));
    }

    private List<Claim.Line> lines(long claim) {
        return jdbc.query("select line_number, unit, unit_price, returned, disputed, quantity, amount, decided, decided_amount "
                        + "from claim_line where claim = ? order by line_number",
                (rs, i) -> new Claim.Line(rs.getString(1), rs.getString(2), plain(rs.getBigDecimal(3)),
                        plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6)),
                        plain(rs.getBigDecimal(7)), plain(rs.getBigDecimal(8)), plain(rs.getBigDecimal(9))), claim);
    }

    private List<Claim.Settlement> settlements(long claim) {
        return jdbc.query("select settlement_key, decision, reason, decided_by, decided_at, status, lines, replacement_release, "
                        + "rma_number, invoice_number, credit_note_number, loss, completed_at from claim_settlement "
                        + "where claim = ? order by id",
                (rs, i) -> new Claim.Settlement(rs.getString(1), Claim.Decision.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), settledLines(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), plain(rs.getBigDecimal(12)),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant()), claim);
    }

    static List<Claim.SettledLine> settledLines(String json) {
        try {
            return CanonicalJson.MAPPER.readValue(json, new TypeReference<List<Claim.SettledLine>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored settlement's lines", e);
        }
    }

    private List<Claim.Step> steps(long claim) {
        return jdbc.query("select at, actor, action, detail from claim_event where claim = ? order by id",
                (rs, i) -> new Claim.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
                claim);
    }

    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
