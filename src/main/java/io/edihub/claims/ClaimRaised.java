package io.edihub.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Goods the customer returned or disputes, from one acceptance of one release ({@code edihub.claims.v1}, type
 * {@code io.edihub.claim.v1}, keyed by release id). The claim stays open on the release until someone settles it;
 * each settlement is an event of its own ({@link ClaimSettled}).
 *
 * @param claimId      stable for the acceptance and release: a replay sends the same id
 * @param acceptanceId the acceptance that rejected the goods
 * @param raisedAt     when the hub recorded it
 */
record ClaimRaised(String claimId, String partnerId, String poNumber, String releaseId, String acceptanceId,
        List<Line> lines, Instant raisedAt) {

    ClaimRaised {
        lines = List.copyOf(lines);
    }

    /** @param returned quantity sent back; disputed quantity in question; condition and reason as the customer gave */
    record Line(String lineNumber, BigDecimal returned, BigDecimal disputed, String unit, String condition,
            String reason) {
    }
}
