package io.edihub.intake;

import io.edihub.document.SizeLimit;
import io.edihub.ops.Alerts;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The size limits of inputs: {@code edihub.intake.max-document-bytes} for documents read whole (JSON, CSV, EDIFACT,
 * and every HTTP body), {@code edihub.intake.max-interchange-bytes} for X12 interchanges, which are spooled and read
 * as a stream; a partner's profile may set its own ({@code sftp.max-file-bytes}). An uploaded file over its limit is
 * refused from its listed size, without a byte of it being read, so that one huge upload cannot take the hub's
 * memory or disk. It is recorded like any refused input (outcome REJECTED, no content: the file itself
 * is kept in the partner's error/), its report tells the partner why, and an alert tells the operator, who may raise
 * the limit or have the partner split the file. Over HTTP the same limit answers 413 before the body is read.
 */
@Service
public class TooLargeInputs {

    /** The settings' names, for the reports: where an operator changes a limit. */
    static final String SETTING = "EDIHUB_MAX_DOCUMENT_BYTES (edihub.intake.max-document-bytes)";
    static final String INTERCHANGE_SETTING = "EDIHUB_MAX_INTERCHANGE_BYTES (edihub.intake.max-interchange-bytes)";

    /** A limit and where it is set, for the report of a file over it. */
    public record Limit(long maxBytes, String setting) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TooLargeInputs.class);

    private final SizeLimit limit;
    private final long maxInterchangeBytes;
    private final PartnerDirectory partners;
    private final InboundDocuments documents;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TooLargeInputs(IntakeSettings settings, PartnerDirectory partners, InboundDocuments documents, Alerts alerts,
            TransactionTemplate transactions, Clock clock) {
        this.limit = new SizeLimit(settings.maxDocumentBytes());
        this.maxInterchangeBytes = settings.maxInterchangeBytes();
        this.partners = partners;
        this.documents = documents;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The largest input taken, in bytes. */
    public long maxBytes() {
        return limit.maxBytes();
    }

    /** The limit of a partner's documents read whole: the hub's, or the partner's own when lower. */
    public Limit documentLimit(String partnerId) {
        Long own = partners.byId(partnerId).map(PartnerProfile::maxFileBytes).orElse(null);
        return own != null && own < maxBytes() ? new Limit(own, partnerSetting(partnerId)) : new Limit(maxBytes(), SETTING);
    }

    /** The limit of a partner's X12 interchanges, read as a stream: the partner's own, else the hub's. */
    public Limit interchangeLimit(String partnerId) {
        Long own = partners.byId(partnerId).map(PartnerProfile::maxFileBytes).orElse(null);
        return own != null ? new Limit(own, partnerSetting(partnerId)) : new Limit(maxInterchangeBytes, INTERCHANGE_SETTING);
    }

    private static String partnerSetting(String partnerId) {
        return "sftp.max-file-bytes in partner " + partnerId + "'s profile";
    }

    /** The limit as a reader applies it: to read a stream no further than one byte past it. */
    SizeLimit limit() {
        return limit;
    }

    /**
     * Records an input refused for its size and says where its file goes: to error/, with the report beside it. An
     * input recorded so before a restart, but never moved, is finished from that record instead of twice.
     *
     * @param sizeBytes its size as listed; or, when it grew past the limit after it was listed, how much was read
     *                  before the limit stopped it
     * @param exact     false in the second case: the report then says only that it is over the limit
     */
    public IntakeOutcome refuse(String partnerId, String channel, String fileName, long sizeBytes, boolean exact) {
        return refuse(partnerId, channel, fileName, sizeBytes, exact, new Limit(maxBytes(), SETTING));
    }

    /** As {@link #refuse(String, String, String, long, boolean)}, over the limit given. */
    public IntakeOutcome refuse(String partnerId, String channel, String fileName, long sizeBytes, boolean exact,
            Limit over) {
        partners.byId(partnerId).orElseThrow(() -> new IllegalArgumentException("no partner profile '" + partnerId + "'"));
        IntakeOutcome outcome = transactions.execute(status -> documents.resumeUnread(partnerId, fileName, sizeBytes)
                .orElseGet(() -> {
                    Instant now = clock.instant();
                    long documentId = documents.storeUnread(partnerId, channel, fileName, sizeBytes, now);
                    String report = report(partnerId, fileName, documentId, sizeBytes, exact, now, over);
                    documents.outcome(documentId, "REJECTED", report);
                    alerts.raise("INPUT_TOO_LARGE", fileName, partnerId, null, null, documentId, fileName + " from "
                            + partnerId + " (" + size(sizeBytes, exact, over) + ") is over the " + over.maxBytes()
                            + "-byte limit of " + over.setting() + " and was not read; it is kept in the partner's error/ folder as " + documentId
                            + "-" + fileName + ". Have the partner split it, or raise the limit if the hub's memory allows");
                    return new IntakeOutcome(documentId, fileName, IntakeOutcome.Disposition.ERROR, report, List.of(), false,
                            0);
                }));
        LOG.warn("{} from {} refused unread (document {}): {} over the {}-byte limit", fileName, partnerId,
                outcome.documentId(), size(sizeBytes, exact, over), over.maxBytes());
        return outcome;
    }

    private static String report(String partnerId, String fileName, long documentId, long sizeBytes, boolean exact,
            Instant at, Limit over) {
        return fileName + " from partner " + partnerId + ": REJECTED at " + at + " (document " + documentId + ")\n"
                + "The file is " + size(sizeBytes, exact, over) + ", over the hub's limit of " + over.maxBytes() + " bytes ("
                + mib(over.maxBytes()) + ") for one document, set by " + over.setting() + ".\n"
                + "It was not read: nothing in it was taken and no acknowledgment was sent. The file is kept here as it "
                + "came. Split it into smaller files and send those, or ask the hub's operator to raise the limit.\n";
    }

    private static String size(long bytes, boolean exact, Limit over) {
        return exact ? bytes + " bytes (" + mib(bytes) + ")" : "more than " + over.maxBytes() + " bytes";
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
