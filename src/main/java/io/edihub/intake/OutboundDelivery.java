package io.edihub.intake;

import io.edihub.ops.EdiHubHeaders;
import io.edihub.outbound.OutboundDocuments;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the {@code deliverOutboundDocuments} route calls: stored answers not yet written, and marking them written. */
@Component("outboundDelivery")
public class OutboundDelivery {

    /** Exchange property: true while the last batch taken was full, so that the route takes another at once. */
    public static final String BACKLOG = "EdiHubOutboundBacklog";

    /**
     * Exchange property: the documents of the batch in their partners' folders and not yet marked so
     * ({@link Written}); the split's exchanges share it with the batch's.
     */
    public static final String WRITTEN = "EdiHubOutboundWritten";

    /** Documents taken per batch: enough to keep a session busy, few enough to hold in memory (810s are small). */
    static final int BATCH = 200;

    /**
     * Documents marked written in one statement. Each mark is a commit (a WAL flush) that cost as much as the file's
     * write; fewer, larger ones leave a document renamed and unmarked a little longer, which a crash turns into a
     * stat of its name on the next attempt (it is not written again), or a second copy only if the partner took the
     * first away in between.
     */
    static final int MARK_EVERY = 50;

    private final OutboundDocuments documents;
    private final Clock clock;

    OutboundDelivery(OutboundDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The next batch of documents for this route (the answers to an inbound file are written by the intake route), oldest
     * first; sets {@link #BACKLOG} when more may be waiting behind it, and {@link #WRITTEN} to note the ones written.
     * None while the hub is stopping: a batch taken then would only fail, document by document, against routes
     * already stopped.
     */
    public List<OutboundDocuments.Pending> nextBatch(Exchange exchange) {
        exchange.setProperty(WRITTEN, new Written());
        if (exchange.getContext().isStopping()) {
            exchange.setProperty(BACKLOG, false);
            return List.of();
        }
        List<OutboundDocuments.Pending> batch = documents.undelivered(BATCH, clock.instant());
        exchange.setProperty(BACKLOG, batch.size() == BATCH);
        return batch;
    }

    /** A document is renamed into its partner's folder: marked written with the next ones, {@link #MARK_EVERY} at a time. */
    public void written(@Header(EdiHubHeaders.OUTBOUND_ID) long id, @ExchangeProperty(WRITTEN) Written written) {
        if (written == null) {
            documents.written(id, clock.instant());
            return;
        }
        written.ids.add(id);
        if (written.ids.size() >= MARK_EVERY) {
            allWritten(written);
        }
    }

    /** The batch is done, or stopped at a failure: what was written so far is marked. */
    public void allWritten(@ExchangeProperty(WRITTEN) Written written) {
        if (written != null && !written.ids.isEmpty()) {
            documents.written(written.ids, clock.instant());
            written.ids.clear();
        }
    }

    /** The documents of one batch written and not yet marked; the route's split works through them one at a time. */
    public static final class Written {

        private final List<Long> ids = new ArrayList<>();
    }
}
