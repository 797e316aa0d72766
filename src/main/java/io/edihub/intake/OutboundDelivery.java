package io.edihub.intake;

import io.edihub.ops.EdiHubHeaders;
import io.edihub.outbound.OutboundDocuments;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the {@code deliverOutboundDocuments} route calls: stored answers not yet written, and marking them written. */
@Component("outboundDelivery")
public class OutboundDelivery {

    /** Exchange property: true while the last batch taken was full, so that the route takes another at once. */
    public static final String BACKLOG = "EdiHubOutboundBacklog";

    /** Documents taken per batch: enough to keep a session busy, few enough to hold in memory (810s are small). */
    static final int BATCH = 200;

    private final OutboundDocuments documents;
    private final Clock clock;

    OutboundDelivery(OutboundDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The next batch of documents for this route (the answers to an inbound file are written by the intake route), oldest
     * first; sets {@link #BACKLOG} when more may be waiting behind it. None while the hub is stopping: a batch taken
     * then would only fail, document by document, against routes already stopped.
     */
    public List<OutboundDocuments.Pending> nextBatch(Exchange exchange) {
        if (exchange.getContext().isStopping()) {
            exchange.setProperty(BACKLOG, false);
            return List.of();
        }
        List<OutboundDocuments.Pending> batch = documents.undelivered(BATCH, clock.instant());
        exchange.setProperty(BACKLOG, batch.size() == BATCH);
        return batch;
    }

    public void written(@Header(EdiHubHeaders.OUTBOUND_ID) long id) {
        documents.written(id, clock.instant());
    }
}
