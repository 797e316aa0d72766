package io.edihub.fulfillment;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** What other modules may know of the shipments applied to releases, read from this module's tables. */
@Repository
public class Shipments {

    private final NamedParameterJdbcTemplate jdbc;

    Shipments(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last shipment applied to a release: its row id and the day it left. */
    public record Last(String releaseId, long shipmentId, LocalDate shipDate) {
    }

    /** For each of the partner's releases named, its last applied shipment, when that left on or before {@code day}. */
    public List<Last> lastShippedBy(String partnerId, Collection<String> releaseIds, LocalDate day) {
        if (releaseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select release_id, max(id), max(ship_date) from shipment where partner_id = :partner "
                        + "and status = 'APPLIED' and release_id in (:releases) group by release_id "
                        + "having max(ship_date) <= :day order by release_id",
                new MapSqlParameterSource("partner", partnerId).addValue("releases", releaseIds)
                        .addValue("day", Date.valueOf(day)),
                (rs, i) -> new Last(rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate()));
    }

    /** The day the last shipment applied to a release left, if any did. */
    public Optional<LocalDate> lastShipDate(String partnerId, String releaseId) {
        return Optional.ofNullable(jdbc.queryForObject("select max(ship_date) from shipment where partner_id = :partner "
                        + "and release_id = :release and status = 'APPLIED'",
                new MapSqlParameterSource("partner", partnerId).addValue("release", releaseId), LocalDate.class));
    }
}
