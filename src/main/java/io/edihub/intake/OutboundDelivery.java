package io.edihub.intake;

import io.edihub.ops.EdiHubHeaders;
import io.edihub.outbound.OutboundDocuments;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** What the {@code deliverOutboundDocuments} route calls: stored answers not yet written, and marking them written. */
@Component("outboundDelivery")
public class OutboundDelivery {

    private final OutboundDocuments documents;
    private final Clock clock;

    OutboundDelivery(OutboundDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /** Documents that answer no inbound file (those are written by the intake route itself), oldest first. */
    public List<OutboundDocuments.Pending> pending() {
        return documents.undelivered(100);
    }

    public void written(@Header(EdiHubHeaders.OUTBOUND_ID) long id) {
        documents.written(id, clock.instant());
    }
}
