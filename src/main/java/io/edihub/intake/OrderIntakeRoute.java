package io.edihub.intake;

import io.edihub.document.OrderFormat;
import io.edihub.ops.EdiHubHeaders;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;

/**
 * The Camel face of the intake services: what the {@code receiveOrders} route template calls for every
 * file a partner uploads: orders, changes, acceptances, adjustments, remittances and acknowledgments. The format is recognised by
 * content (X12, EDIFACT, JSON, CSV; an acceptance by its acceptance id), not by name.
 */
@Component("orderIntakeRoute")
public class OrderIntakeRoute {

    private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final X12Intake x12;
    private final OrderDocumentIntake documents;
    private final AcceptanceIntake acceptances;
    private final AdjustmentIntake adjustments;
    private final RemittanceIntake remittances;
    /** Which limit a file over one was refused by, for its report (a {@link TooLargeInputs.Limit}). */
    static final String SIZE_LIMIT = "EdiHubSizeLimit";

    private final TooLargeInputs tooLarge;
    private final Clock clock;

    public OrderIntakeRoute(X12Intake x12, OrderDocumentIntake documents, AcceptanceIntake acceptances,
            AdjustmentIntake adjustments, RemittanceIntake remittances, TooLargeInputs tooLarge, Clock clock) {
        this.acceptances = acceptances;
        this.remittances = remittances;
        this.adjustments = adjustments;
        this.tooLarge = tooLarge;
        this.x12 = x12;
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * Takes the uploaded file in, but only when it is within its partner's limit: the SFTP consumer streams
     * ({@code streamDownload}), and the file's size as listed ({@link Exchange#FILE_LENGTH}) decides before a byte is
     * read. A larger file gets an empty body and its size in {@link EdiHubHeaders#TOO_LARGE}, and is never downloaded
     * (the consumer closes its stream when it moves the file). A file within the limit is spooled ({@link SpooledInput}:
     * in memory while small, else a temporary file deleted when the exchange ends), no further than one byte past the
     * limit should it have grown since it was listed. The limit here is the interchange limit, the larger: a document
     * read whole has its own, checked once its format is known ({@link #recognize}). A replayed dead letter comes with
     * its bytes, or its size if too large.
     */
    public void read(Exchange exchange) {
        Message message = exchange.getMessage();
        TooLargeInputs.Limit limit = tooLarge.interchangeLimit(message.getHeader(EdiHubHeaders.PARTNER, String.class));
        Long size = message.getHeader(EdiHubHeaders.TOO_LARGE, Long.class);
        Long listed = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (size == null && listed != null && listed > limit.maxBytes()) {
            size = listed;
        }
        SpooledInput content = null;
        if (size == null) {
            // the remote file's stream (a replay's bytes read the same way)
            InputStream stream = message.getBody(InputStream.class);
            if (stream != null) {
                content = SpooledInput.read(stream, limit.maxBytes(), message.getHeader(Exchange.FILE_NAME, String.class));
                SpooledInput spooled = content;
                exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                    @Override
                    public void onDone(Exchange done) {
                        spooled.close();
                    }
                });
                if (content.size() > limit.maxBytes()) {
                    size = content.size();
                }
            }
        }
        if (size != null) {
            message.setHeader(EdiHubHeaders.TOO_LARGE, size);
            message.setHeader(SIZE_LIMIT, limit);
            content = null;
        }
        message.setBody(content == null ? SpooledInput.of(new byte[0]) : content);
    }

    /**
     * Recognises what the file is by its content ({@link OrderFormat#detect}), never by its name, and says so in
     * {@link EdiHubHeaders#FORMAT} for the route's choice: {@code X12}, {@code EDIFACT}, {@code JSON}, {@code CSV},
     * {@code ACCEPTANCE_JSON}, {@code ACCEPTANCE_CSV}, {@code ADJUSTMENT_JSON}, {@code ADJUSTMENT_CSV},
     * {@code REMITTANCE_JSON}, {@code REMITTANCE_CSV} or {@code UNKNOWN}. An X12 interchange stays spooled, to be
     * stored and read as a stream; any other document is read whole, within the document limit (over it, it is
     * refused from its size like a file over the interchange limit).
     */
    public void recognize(@Body SpooledInput content, Exchange exchange) {
        Message message = exchange.getMessage();
        OrderFormat format = OrderFormat.detect(content.head());
        if (format != OrderFormat.X12) {
            TooLargeInputs.Limit limit = tooLarge.documentLimit(message.getHeader(EdiHubHeaders.PARTNER, String.class));
            if (content.size() > limit.maxBytes() && message.getHeader(EdiHubHeaders.TOO_LARGE) == null) {
                message.setHeader(EdiHubHeaders.TOO_LARGE, content.size());
                message.setHeader(SIZE_LIMIT, limit);
            } else {
                byte[] bytes = content.bytes();
                format = OrderFormat.detect(bytes);
                message.setBody(bytes);
            }
        }
        message.setHeader(EdiHubHeaders.FORMAT, format.name());
    }

    /** A file over the size limit, refused from its size without being read. */
    public IntakeOutcome refuseTooLarge(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Header(EdiHubHeaders.TOO_LARGE) long size, Exchange exchange) {
        TooLargeInputs.Limit limit = exchange.getMessage().getHeader(SIZE_LIMIT, TooLargeInputs.Limit.class);
        // the listed size is exact; one that stopped the read, or came with a replay, says only "over the limit"
        return tooLarge.refuse(partnerId, "SFTP", fileName, size,
                Long.valueOf(size).equals(exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class)),
                limit != null ? limit : tooLarge.documentLimit(partnerId));
    }

    /**
     * An X12 interchange: 850s, 860s, 861s and 997s, answered with a TA1 / 997 (and 855s). An operator's replay of
     * a dead letter may bypass the document-level duplicate check ({@link EdiHubHeaders#BYPASS_DUPLICATES});
     * business-level ones always apply.
     */
    public IntakeOutcome receiveInterchange(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Body SpooledInput content,
            @Header(EdiHubHeaders.BYPASS_DUPLICATES) Boolean bypassDuplicates, @Header(EdiHubHeaders.CHANNEL) String channel) {
        return x12.receive(partnerId, channel(channel), fileName, content, Boolean.TRUE.equals(bypassDuplicates));
    }

    /** A JSON or CSV acceptance of delivered releases. */
    public IntakeOutcome receiveAcceptances(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Body byte[] content,
            @Header(EdiHubHeaders.FORMAT) OrderFormat format, @Header(EdiHubHeaders.CHANNEL) String channel) {
        return acceptances.receive(partnerId, channel(channel), fileName, content, format).outcome();
    }

    /** A JSON or CSV credit adjustment about our invoices: claims on them (io.edihub.claims). */
    public IntakeOutcome receiveAdjustments(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Body byte[] content,
            @Header(EdiHubHeaders.FORMAT) OrderFormat format, @Header(EdiHubHeaders.CHANNEL) String channel) {
        return adjustments.receiveDocument(partnerId, channel(channel), fileName, content, format).outcome();
    }

    /** A JSON or CSV remittance: payments applied to our invoices (whichever module receives remittances). */
    public IntakeOutcome receiveRemittances(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Body byte[] content,
            @Header(EdiHubHeaders.FORMAT) OrderFormat format) {
        return remittances.receive(partnerId, fileName, content, format).outcome();
    }

    /** A JSON, CSV or EDIFACT order document; anything not recognised is refused as such, with the reason. */
    public IntakeOutcome receiveOrderDocument(@Header(EdiHubHeaders.PARTNER) String partnerId,
            @Header(Exchange.FILE_NAME_ONLY) String fileName, @Body byte[] content,
            @Header(EdiHubHeaders.FORMAT) OrderFormat format, @Header(EdiHubHeaders.CHANNEL) String channel) {
        return documents.receive(partnerId, channel(channel), fileName, content, format).outcome();
    }

    /** The channel stored with an input: the partner's SFTP folder unless the route says another (AS2). */
    private static String channel(String header) {
        return header == null ? "SFTP" : header;
    }

    /**
     * Says where the file goes now that it is processed: archive/yyyy/MM/dd when all was taken, error/ with a
     * report beside it otherwise. Names get the document id in front, so a file sent twice under one name never
     * overwrites the first.
     */
    public IntakeOutcome fileAway(@Body IntakeOutcome outcome, Exchange exchange) {
        String stored = outcome.documentId() + "-" + exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String folder = "../" + outcome.disposition().folder() + "/";
        String target = outcome.disposition() == IntakeOutcome.Disposition.ARCHIVE
                ? folder + LocalDate.now(clock).format(DAY_FOLDER) + "/" + stored
                : folder + stored;
        exchange.getMessage().setHeader(EdiHubHeaders.DOCUMENT_ID, outcome.documentId());
        exchange.getMessage().setHeader(EdiHubHeaders.MOVE_TO, target);
        exchange.getMessage().setHeader(EdiHubHeaders.ERROR_FILE, stored + ".error.txt");
        return outcome;
    }

    /**
     * The answers are written and the report is beside the file: the document is done once the file has left
     * inbound/. The SFTP consumer moves the file after the route ends, so the document is completed after that move
     * (the last of the exchange's completions), and not when the move failed: a hub killed between the route's end and
     * the move leaves the document open, and the next poll finishes it instead of taking the file for a repeated
     * interchange.
     */
    public void complete(@Header(EdiHubHeaders.DOCUMENT_ID) long documentId, Exchange exchange) {
        exchange.getExchangeExtension().addOnCompletion(new DocumentDone(documentId));
    }

    /** Completes the document after every other completion of the exchange (the file's move among them). */
    private final class DocumentDone extends org.apache.camel.support.SynchronizationAdapter
            implements org.apache.camel.Ordered {

        private final long documentId;

        DocumentDone(long documentId) {
            this.documentId = documentId;
        }

        @Override
        public void onComplete(Exchange exchange) {
            if (!Boolean.TRUE.equals(exchange.getProperty(IntakeCommitFailures.MOVE_FAILED, Boolean.class))) {
                documents.complete(documentId);
            }
        }

        @Override
        public int getOrder() {
            return org.apache.camel.Ordered.LOWEST;
        }
    }
}
