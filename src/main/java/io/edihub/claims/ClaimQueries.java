package io.edihub.claims;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Claims as they stand, for the API and the pages: one by id, or a list narrowed by status, partner and PO. */
@Component
public class ClaimQueries {

    private final ClaimBook book;

    ClaimQueries(ClaimBook book) {
        this.book = book;
    }

    public Optional<Claim> find(long id) {
        return book.find(id, false);
    }

    /** Newest first, at most {@code limit}. */
    public List<Claim> list(List<Claim.Status> statuses, String partnerId, String poNumber, int limit) {
        return book.list(statuses, partnerId, poNumber, limit);
    }
}
