package io.edihub.partner;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One trading partner's profile, loaded from {@code <partners-dir>/<id>.yaml}.
 *
 * @param id               our short name for the partner; also its SFTP account and folder by default
 * @param name             display name
 * @param isaQualifier     ISA05 the partner sends as (e.g. {@code ZZ}, {@code 01})
 * @param isaId            ISA06 the partner sends as, without padding
 * @param gsId             the partner's application id: GS03 of the groups we send it (null: {@code isaId})
 * @param groupIds         the GS02 application sender ids the partner may use; empty: any (the interchange sender
 *                         and the channel identify the partner)
 * @param sftpAccount      the SFTP account the partner uploads with
 * @param sftpDirectory    the partner's folder on the hub's SFTP server
 * @param ta1              when the partner gets an interchange acknowledgment
 * @param duplicateWindow  how long an interchange control number (ISA13) stays used
 * @param releaseExtension how monthly release ids are numbered
 * @param edifactId        the UNB sender id (0004) the partner sends EDIFACT as, if it does
 * @param functionalAck    the functional acknowledgment the partner gets for X12
 * @param poAcknowledgment whether the partner gets an 855 (or its JSON equivalent) for every order and change
 * @param leadTime         how long before its month a release is requested from fulfillment
 * @param priority         the partner's tier: 1 is served first (key accounts)
 * @param contract         the negotiated contract orders are checked against; null when the partner has none
 * @param shipNotice       whether the partner gets an 856 ship notice for every shipment
 * @param implicitAcceptanceAfter how long after shipping goods count as accepted when the partner said nothing;
 *                         null (the default) when only the partner's own acceptance counts
 * @param watchdog         how long the watchdog lets this partner's unfinished work wait before it alerts
 * @param sftpServer       the partner's own SFTP server, or null: the partner uses the hub's
 * @param claimDocuments   the form of what a settled claim sends the partner: credit notes, return authorizations,
 *                         denials
 * @param mode             whether the partner's interchanges are tests (ISA15 T, UNB 0035 1) or production ones (ISA15
 *                         P, no test indicator); an interchange of the other kind is refused
 * @param maxFileBytes     the largest file the partner may upload (YAML {@code sftp.max-file-bytes}), or null for the
 *                         hub's limits ({@code edihub.intake.max-interchange-bytes} / {@code max-document-bytes})
 * @param uploads          how the partner's files arrive in its inbound/ folder (YAML {@code sftp.uploads}), and so how
 *                         long the hub waits before it reads one
 * @param documents        the form of each business document the partner gets (YAML {@code documents.*}); agrees with
 *                         {@code poAcknowledgment}, {@code shipNotice} and {@code claimDocuments}
 */
public record PartnerProfile(
        String id,
        String name,
        String isaQualifier,
        String isaId,
        String gsId,
        List<String> groupIds,
        String sftpAccount,
        String sftpDirectory,
        Ta1Policy ta1,
        Duration duplicateWindow,
        ReleaseExtension releaseExtension,
        String edifactId,
        FunctionalAck functionalAck,
        boolean poAcknowledgment,
        java.time.Period leadTime,
        int priority,
        Contract contract,
        boolean shipNotice,
        java.time.Period implicitAcceptanceAfter,
        Watchdog watchdog,
        SftpServer sftpServer,
        ClaimDocuments claimDocuments,
        Mode mode,
        Long maxFileBytes,
        Uploads uploads,
        Documents documents,
        Invoicing invoicing,
        As2 as2) {

    /**
     * When the partner is invoiced (YAML {@code invoicing.*}): one invoice per acceptance (the default), or one
     * consolidated invoice per PO or per contract and calendar month for everything accepted in it, issued on a day of
     * the next month.
     *
     * @param per      what a consolidated invoice gathers: one PO's acceptances, or all of one contract's (monthly only)
     * @param issueDay the day of the next month the consolidated invoice is issued, 1 to 28 (monthly only)
     */
    public record Invoicing(Cadence cadence, Per per, Integer issueDay) {

        public static final Invoicing PER_ACCEPTANCE = new Invoicing(Cadence.PER_ACCEPTANCE, null, null);

        public Invoicing {
            Objects.requireNonNull(cadence, "cadence");
            if (cadence == Cadence.MONTHLY) {
                per = per == null ? Per.PO : per;
                if (issueDay == null || issueDay < 1 || issueDay > 28) {
                    throw new IllegalArgumentException("a monthly invoice needs an issue day from 1 to 28, not " + issueDay);
                }
            }
        }

        /** True when the partner's acceptances wait for the month's consolidated invoice. */
        public boolean consolidated() {
            return cadence == Cadence.MONTHLY;
        }
    }

    /** How often the partner is invoiced. */
    public enum Cadence {
        /** one invoice for what each acceptance accepted, made with the acceptance */
        PER_ACCEPTANCE,
        /** one invoice per PO or contract for everything accepted in a calendar month */
        MONTHLY
    }

    /** What one consolidated invoice gathers. */
    public enum Per {
        PO, CONTRACT
    }

    /** A profile without an AS2 channel. */
    public PartnerProfile(String id, String name, String isaQualifier, String isaId, String gsId, List<String> groupIds,
            String sftpAccount, String sftpDirectory, Ta1Policy ta1, Duration duplicateWindow,
            ReleaseExtension releaseExtension, String edifactId, FunctionalAck functionalAck, boolean poAcknowledgment,
            java.time.Period leadTime, int priority, Contract contract, boolean shipNotice,
            java.time.Period implicitAcceptanceAfter, Watchdog watchdog, SftpServer sftpServer,
            ClaimDocuments claimDocuments, Mode mode, Long maxFileBytes, Uploads uploads,
            Documents documents, Invoicing invoicing) {
        this(id, name, isaQualifier, isaId, gsId, groupIds, sftpAccount, sftpDirectory, ta1, duplicateWindow,
                releaseExtension, edifactId, functionalAck, poAcknowledgment, leadTime, priority, contract, shipNotice,
                implicitAcceptanceAfter, watchdog, sftpServer, claimDocuments, mode, maxFileBytes, uploads, documents,
                invoicing, null);
    }

    /**
     * The partner's AS2 channel (YAML {@code as2.*}, docs/as2.md): who it is in AS2 and who we are to it, where its
     * messages go, the certificate that checks its signatures and that we encrypt to it with, and how it answers.
     *
     * @param partnerAs2Id        the AS2 name the partner sends as (AS2-From) and that we send to (AS2-To)
     * @param ourAs2Id            the AS2 name we are to this partner: what it sends to (AS2-To) and we send as (AS2-From)
     * @param url                 where the hub sends the partner's documents (its AS2 server)
     * @param certificateFile     the PEM file the certificate was read from, for messages
     * @param certificate         the partner's certificate: its signatures are checked with it, our messages encrypted to it
     * @param mdn                 whether the partner answers our messages with its MDN at once (SYNC) or later (ASYNC)
     * @param asyncMdnUrl         with ASYNC: the hub's address the partner sends its MDNs to
     * @param signingAlgorithm    how the hub signs its messages to this partner (e.g. SHA256WITHRSA; the MDNs it answers
     *                            with are signed SHA256WITHRSA for every partner)
     * @param encryptionAlgorithm how the hub encrypts its messages to this partner (e.g. AES128_CBC)
     */
    public record As2(String partnerAs2Id, String ourAs2Id, java.net.URI url, java.nio.file.Path certificateFile,
            java.security.cert.X509Certificate certificate, MdnMode mdn, java.net.URI asyncMdnUrl, String signingAlgorithm,
            String encryptionAlgorithm) {

        public As2 {
            Objects.requireNonNull(partnerAs2Id, "partnerAs2Id");
            Objects.requireNonNull(ourAs2Id, "ourAs2Id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(mdn, "mdn");
            Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
            Objects.requireNonNull(encryptionAlgorithm, "encryptionAlgorithm");
            if (mdn == MdnMode.ASYNC) {
                Objects.requireNonNull(asyncMdnUrl, "asyncMdnUrl");
            }
        }
    }

    /** How a partner returns the MDN (the signed receipt) for an AS2 message we send it. */
    public enum MdnMode {
        /** in the answer to our request */
        SYNC,
        /** later, in a request of its own to the hub's address */
        ASYNC
    }

    /** True when the partner's documents go over AS2. */
    public boolean usesAs2() {
        return as2 != null;
    }

    /**
     * The partner's own SFTP server, which the hub polls instead of its own (the folder is {@code sftpDirectory}
     * there too). The password, when the server wants one, comes from the environment variable
     * {@link #passwordVariable()}, never from the profile.
     *
     * @param privateKeyFile the hub's private key for this server, or null to log in with the password
     */
    public record SftpServer(String host, int port, String username, String knownHostsFile, String privateKeyFile) {
    }

    /**
     * What a settled claim sends the partner, each in the form it asked for (YAML {@code claims.*}).
     *
     * @param creditNote          a credit note: an 810 with BIG07 CR (the default; an amount-only credit goes as an 812,
     *                            which an 810 cannot carry), an 812, or JSON
     * @param returnAuthorization a return authorization: a 180 (the default) or JSON
     * @param denial              a claim denied: an 824 (the default) or JSON
     */
    public record ClaimDocuments(CreditNoteForm creditNote, AnswerForm returnAuthorization, AnswerForm denial) {

        public static final ClaimDocuments DEFAULTS = new ClaimDocuments(CreditNoteForm.X12_810, AnswerForm.X12,
                AnswerForm.X12);

        public ClaimDocuments {
            Objects.requireNonNull(creditNote, "creditNote");
            Objects.requireNonNull(returnAuthorization, "returnAuthorization");
            Objects.requireNonNull(denial, "denial");
        }
    }

    /** How a credit note is written: the forms of {@code claims.credit-note}, and those only {@code documents:} offers. */
    public enum CreditNoteForm {
        X12_810, X12_812, JSON, EDIFACT, CSV, NONE
    }

    /** How a return authorization or a denial is written: the X12 set of its kind, JSON, or no file at all. */
    public enum AnswerForm {
        X12, JSON, NONE
    }

    /**
     * The form of a business document the partner gets (YAML {@code documents.*}). Whatever the form, the Kafka event
     * of the document goes out; {@link #NONE} writes no file.
     */
    public enum DocumentForm {
        /** the acknowledgment only: an 855 for an order that came as X12, JSON for the others (the default) */
        AS_ORDERED,
        /** the X12 set of the kind (855, 856, 810; for a credit note an 810 with BIG07 CR) */
        X12,
        /** a credit note as an 812 */
        X12_812,
        /** UN/EDIFACT D96A: ORDRSP, DESADV, INVOIC (380, or 381 for a credit note) */
        EDIFACT,
        /** JSON with a published schema */
        JSON,
        /** CSV with a documented header row */
        CSV,
        /** no file; the Kafka event alone */
        NONE
    }

    /**
     * What the partner gets of each business document, in the form its file asks for (YAML {@code documents.*}).
     *
     * @param acknowledgment      our answer to an order or change (855 / ORDRSP / JSON / CSV)
     * @param shipNotice          the notice of a shipment (856 / DESADV / JSON / CSV)
     * @param invoice             an invoice (810 / INVOIC 380 / JSON / CSV)
     * @param creditNote          a credit note (810 CR / 812 / INVOIC 381 / JSON / CSV)
     * @param returnAuthorization a return authorization (180 / JSON)
     * @param remittanceAnswer    what a remittance is answered with beyond its 997 or response file: nothing (the default),
     *                            or JSON: the payment as it was applied
     */
    public record Documents(DocumentForm acknowledgment, DocumentForm shipNotice, DocumentForm invoice,
            DocumentForm creditNote, DocumentForm returnAuthorization, DocumentForm remittanceAnswer) {

        /** What a partner file without any of the keys gets. */
        public static final Documents DEFAULTS = new Documents(DocumentForm.NONE, DocumentForm.NONE, DocumentForm.X12,
                DocumentForm.X12, DocumentForm.X12, DocumentForm.NONE);

        public Documents {
            Objects.requireNonNull(acknowledgment, "acknowledgment");
            Objects.requireNonNull(shipNotice, "shipNotice");
            Objects.requireNonNull(invoice, "invoice");
            Objects.requireNonNull(creditNote, "creditNote");
            Objects.requireNonNull(returnAuthorization, "returnAuthorization");
            Objects.requireNonNull(remittanceAnswer, "remittanceAnswer");
        }

        /** The forms the older keys give ({@code po-acknowledgment}, {@code ship-notice}, {@code claims.*}). */
        public static Documents of(boolean poAcknowledgment, boolean shipNotice, ClaimDocuments claims) {
            ClaimDocuments c = claims == null ? ClaimDocuments.DEFAULTS : claims;
            return new Documents(poAcknowledgment ? DocumentForm.AS_ORDERED : DocumentForm.NONE,
                    shipNotice ? DocumentForm.X12 : DocumentForm.NONE, DocumentForm.X12, switch (c.creditNote()) {
                        case X12_810 -> DocumentForm.X12;
                        case X12_812 -> DocumentForm.X12_812;
                        case JSON -> DocumentForm.JSON;
                        case EDIFACT -> DocumentForm.EDIFACT;
                        case CSV -> DocumentForm.CSV;
                        case NONE -> DocumentForm.NONE;
                    }, switch (c.returnAuthorization()) {
                        case X12 -> DocumentForm.X12;
                        case JSON -> DocumentForm.JSON;
                        case NONE -> DocumentForm.NONE;
                    }, DocumentForm.NONE);
        }
    }

    /**
     * How a partner puts its files in its inbound/ folder: what tells the hub that a file is complete.
     */
    public enum Uploads {
        /**
         * Written under their own name (the default): a file is read once it has not changed for a second, for a file
         * still being written must not be read half.
         */
        IN_PLACE,
        /**
         * Written under a temporary name (a dot name, {@code .part}, {@code .tmp}, {@code .filepart}, which the hub never
         * reads) and renamed when complete: a file is read as soon as it is listed.
         */
        RENAMED
    }

    /** The environment variable that holds the password for the partner's own SFTP server. */
    public String passwordVariable() {
        return "EDIHUB_PARTNER_SFTP_" + id.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** The profile used for a sender we have no profile for (the {@code translate} command only). */
    public static PartnerProfile unknown(String isaQualifier, String isaId, String gsId) {
        return new PartnerProfile("unknown", "Unknown sender", isaQualifier, isaId, gsId, List.of(), null, null,
                Ta1Policy.WHEN_REQUESTED, Duration.ofDays(90), ReleaseExtension.SEQUENCE, null, FunctionalAck.X997, false,
                java.time.Period.ofDays(30), 5, null, false, null, Watchdog.HUB_DEFAULTS, null, ClaimDocuments.DEFAULTS, Mode.PRODUCTION, null,
                Uploads.IN_PLACE, Documents.DEFAULTS, Invoicing.PER_ACCEPTANCE, null);
    }

    public PartnerProfile {
        claimDocuments = claimDocuments == null ? ClaimDocuments.DEFAULTS : claimDocuments;
        mode = mode == null ? Mode.PRODUCTION : mode;
        uploads = uploads == null ? Uploads.IN_PLACE : uploads;
        documents = documents == null ? Documents.of(poAcknowledgment, shipNotice, claimDocuments) : documents;
        invoicing = invoicing == null ? Invoicing.PER_ACCEPTANCE : invoicing;
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(isaId, "isaId");
        Objects.requireNonNull(ta1, "ta1");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        Objects.requireNonNull(releaseExtension, "releaseExtension");
        Objects.requireNonNull(functionalAck, "functionalAck");
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(watchdog, "watchdog");
    }

    /** True when the interchange sender (ISA05/ISA06) is this partner. */
    public boolean isInterchangeSender(String qualifier, String senderId) {
        return isaId.equals(senderId.strip()) && (isaQualifier == null || isaQualifier.equals(qualifier.strip()));
    }

    /**
     * True when the partner may send a functional group as this application sender (GS02). GS02 names an application
     * of the partner's, not the partner: it often differs from ISA06 (a DUNS number in the ISA, a division code in the
     * GS), so any is taken unless the profile lists the ones the partner uses. Who the partner is was settled by the
     * interchange sender and the channel.
     */
    public boolean isGroupSender(String applicationSender) {
        return groupIds.isEmpty() || groupIds.contains(applicationSender.strip());
    }

    public boolean isUnknown() {
        return "unknown".equals(id);
    }

    /**
     * Whether the partner's interchanges are tests or production ones (YAML {@code mode}). A test interchange is read,
     * checked and acknowledged like any other, but what it carries is never taken: no order, release, invoice or
     * business event comes of it. An interchange of the other kind than the partner's mode is refused whole, so that a
     * test file never reaches fulfillment by mistake, nor a real order vanishes as a test.
     */
    public enum Mode {
        PRODUCTION, TEST;

        /** ISA15 of this mode's interchanges: P or T. */
        public String usageIndicator() {
            return this == TEST ? "T" : "P";
        }
    }

    /** The functional acknowledgment an X12 partner gets. */
    public enum FunctionalAck {
        /** 997 Functional Acknowledgment (the default) */
        X997,
        /**
         * 999 Implementation Acknowledgment for every group of X12 005010 and later; a group of an earlier release is
         * answered with a 997, for the 999 does not exist there
         */
        X999
    }

    /** When a partner gets a TA1 interchange acknowledgment; envelope errors always get one. */
    public enum Ta1Policy {
        NEVER, WHEN_REQUESTED, ALWAYS
    }

    /** The numbering of monthly release ids (DESIGN §4). */
    public enum ReleaseExtension {
        /** {@code -01} for the first delivery month, counted by calendar month after it. */
        SEQUENCE,
        /** {@code -MM}; refused for schedules over 12 months. */
        CALENDAR_MONTH,
        /** {@code -YYYYMM}. */
        YEAR_MONTH
    }

    /**
     * The partner's own watchdog thresholds (YAML {@code watchdog.*}); each one the hub's default
     * ({@code edihub.watchdog.*}) unless the file sets it, or off for a partner where the check makes no sense
     * (one that never sends 997s).
     *
     * @param acknowledgmentOverdue   our 855 / 856 / 810 without the partner's 997
     * @param heldOrder               an order held for a person's decision
     * @param undispatchedRelease     a release due (within the lead time) but not requested from fulfillment
     * @param unshippedRelease        a release requested from fulfillment and not (fully) shipped
     * @param unacceptedShipment      shipped goods the partner has neither accepted nor rejected
     * @param uninvoicedAcceptance    accepted goods not invoiced
     * @param unsettledClaim          a claim neither settled nor denied (other than a deduction)
     * @param paymentOverdueGrace     how long after its due date an invoice may stay unpaid
     * @param deductionOpen           a deduction (what a customer withheld from a payment) neither credited nor denied
     * @param unappliedCash           cash a customer paid that is on no invoice
     */
    public record Watchdog(Threshold acknowledgmentOverdue, Threshold heldOrder, Threshold undispatchedRelease,
            Threshold unshippedRelease, Threshold unacceptedShipment, Threshold uninvoicedAcceptance,
            Threshold unsettledClaim, Threshold paymentOverdueGrace, Threshold deductionOpen, Threshold unappliedCash) {

        public static final Watchdog HUB_DEFAULTS = new Watchdog(Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT,
                Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT,
                Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT, Threshold.HUB_DEFAULT);

        public Watchdog {
            Objects.requireNonNull(acknowledgmentOverdue, "acknowledgmentOverdue");
            Objects.requireNonNull(heldOrder, "heldOrder");
            Objects.requireNonNull(undispatchedRelease, "undispatchedRelease");
            Objects.requireNonNull(unshippedRelease, "unshippedRelease");
            Objects.requireNonNull(unacceptedShipment, "unacceptedShipment");
            Objects.requireNonNull(uninvoicedAcceptance, "uninvoicedAcceptance");
            Objects.requireNonNull(unsettledClaim, "unsettledClaim");
            Objects.requireNonNull(paymentOverdueGrace, "paymentOverdueGrace");
            Objects.requireNonNull(deductionOpen, "deductionOpen");
            Objects.requireNonNull(unappliedCash, "unappliedCash");
        }
    }

    /**
     * One watchdog threshold of a partner.
     *
     * @param after how long the condition may last before it is an alert; null for the hub's default
     * @param off   true when the partner is never checked for it
     */
    public record Threshold(Duration after, boolean off) {

        public static final Threshold HUB_DEFAULT = new Threshold(null, false);
        public static final Threshold OFF = new Threshold(null, true);

        public Threshold {
            if (off && after != null) {
                throw new IllegalArgumentException("a threshold that is off has no duration");
            }
        }

        /** How long the condition may last for this partner, or empty when the check is off. */
        public java.util.Optional<Duration> orDefault(Duration hubDefault) {
            return off ? java.util.Optional.empty() : java.util.Optional.of(after == null ? hubDefault : after);
        }
    }
}
