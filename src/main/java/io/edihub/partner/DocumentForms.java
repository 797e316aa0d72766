package io.edihub.partner;

import io.edihub.partner.PartnerProfile.DocumentForm;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a partner file's {@code documents:} block: per document kind the form the customer gets. A kind left out keeps
 * what the older keys say ({@code acknowledgments.po-acknowledgment}, {@code fulfillment.ship-notice},
 * {@code claims.credit-note}, {@code claims.return-authorization}), so a file without the block is read as before. Both
 * may be written as long as they agree; a file where they contradict each other is refused, for the hub cannot know
 * which one the customer meant. A form a kind does not offer, or an EDIFACT form for a partner without an EDIFACT id,
 * is refused too, each naming the file and the key.
 */
final class DocumentForms {

    private static final Set<DocumentForm> ACKNOWLEDGMENT = EnumSet.of(DocumentForm.AS_ORDERED, DocumentForm.X12,
            DocumentForm.EDIFACT, DocumentForm.JSON, DocumentForm.CSV, DocumentForm.NONE);
    private static final Set<DocumentForm> SHIP_NOTICE_OR_INVOICE = EnumSet.of(DocumentForm.X12, DocumentForm.EDIFACT,
            DocumentForm.JSON, DocumentForm.CSV, DocumentForm.NONE);
    private static final Set<DocumentForm> CREDIT_NOTE = EnumSet.of(DocumentForm.X12, DocumentForm.X12_812,
            DocumentForm.EDIFACT, DocumentForm.JSON, DocumentForm.CSV, DocumentForm.NONE);
    private static final Set<DocumentForm> RETURN_AUTHORIZATION = EnumSet.of(DocumentForm.X12, DocumentForm.JSON,
            DocumentForm.NONE);
    private static final Set<DocumentForm> REMITTANCE_ANSWER = EnumSet.of(DocumentForm.JSON, DocumentForm.NONE);

    private DocumentForms() {
    }

    static PartnerProfile.Documents read(Path file, PartnerFile f, PartnerProfile.ClaimDocuments claims, String edifactId) {
        PartnerFile.Documents d = f.documents();
        PartnerProfile.Documents old = PartnerProfile.Documents.of(f.acknowledgments() != null
                && Boolean.TRUE.equals(f.acknowledgments().poAcknowledgment()), f.fulfillment() != null
                && Boolean.TRUE.equals(f.fulfillment().shipNotice()), claims);
        if (d == null) {
            return old;
        }
        DocumentForm acknowledgment = form(file, "documents.acknowledgment", d.acknowledgment(), ACKNOWLEDGMENT,
                old.acknowledgment());
        Boolean poAck = f.acknowledgments() == null ? null : f.acknowledgments().poAcknowledgment();
        if (poAck != null && d.acknowledgment() != null && poAck != (acknowledgment != DocumentForm.NONE)) {
            throw contradiction(file, "documents.acknowledgment", d.acknowledgment(), "acknowledgments.po-acknowledgment",
                    poAck.toString());
        }
        DocumentForm shipNotice = form(file, "documents.ship-notice", d.shipNotice(), SHIP_NOTICE_OR_INVOICE,
                old.shipNotice());
        Boolean shipNoticeKey = f.fulfillment() == null ? null : f.fulfillment().shipNotice();
        if (shipNoticeKey != null && d.shipNotice() != null && shipNoticeKey != (shipNotice != DocumentForm.NONE)) {
            throw contradiction(file, "documents.ship-notice", d.shipNotice(), "fulfillment.ship-notice",
                    shipNoticeKey.toString());
        }
        DocumentForm invoice = form(file, "documents.invoice", d.invoice(), SHIP_NOTICE_OR_INVOICE, old.invoice());
        DocumentForm creditNote = form(file, "documents.credit-note", d.creditNote(), CREDIT_NOTE, old.creditNote());
        String claimsCreditNote = f.claims() == null ? null : f.claims().creditNote();
        if (claimsCreditNote != null && d.creditNote() != null && creditNote != old.creditNote()) {
            throw contradiction(file, "documents.credit-note", d.creditNote(), "claims.credit-note", claimsCreditNote);
        }
        DocumentForm returnAuthorization = form(file, "documents.return-authorization", d.returnAuthorization(),
                RETURN_AUTHORIZATION, old.returnAuthorization());
        String claimsReturn = f.claims() == null ? null : f.claims().returnAuthorization();
        if (claimsReturn != null && d.returnAuthorization() != null && returnAuthorization != old.returnAuthorization()) {
            throw contradiction(file, "documents.return-authorization", d.returnAuthorization(),
                    "claims.return-authorization", claimsReturn);
        }
        DocumentForm remittanceAnswer = form(file, "documents.remittance-answer", d.remittanceAnswer(), REMITTANCE_ANSWER,
                old.remittanceAnswer());
        PartnerProfile.Documents documents = new PartnerProfile.Documents(acknowledgment, shipNotice, invoice, creditNote,
                returnAuthorization, remittanceAnswer);
        if (edifactId == null) {
            needsNoEdifactId(file, "documents.acknowledgment", acknowledgment);
            needsNoEdifactId(file, "documents.ship-notice", shipNotice);
            needsNoEdifactId(file, "documents.invoice", invoice);
            needsNoEdifactId(file, "documents.credit-note", creditNote);
        }
        return documents;
    }

    /** The claim documents as {@code documents:} has them, the denial as {@code claims.denial} says. */
    static PartnerProfile.ClaimDocuments claims(PartnerProfile.ClaimDocuments claims, PartnerProfile.Documents documents) {
        PartnerProfile.CreditNoteForm creditNote = switch (documents.creditNote()) {
            case X12 -> PartnerProfile.CreditNoteForm.X12_810;
            case X12_812 -> PartnerProfile.CreditNoteForm.X12_812;
            case EDIFACT -> PartnerProfile.CreditNoteForm.EDIFACT;
            case JSON -> PartnerProfile.CreditNoteForm.JSON;
            case CSV -> PartnerProfile.CreditNoteForm.CSV;
            default -> PartnerProfile.CreditNoteForm.NONE;
        };
        PartnerProfile.AnswerForm returnAuthorization = switch (documents.returnAuthorization()) {
            case X12 -> PartnerProfile.AnswerForm.X12;
            case JSON -> PartnerProfile.AnswerForm.JSON;
            default -> PartnerProfile.AnswerForm.NONE;
        };
        return new PartnerProfile.ClaimDocuments(creditNote, returnAuthorization, claims.denial());
    }

    private static DocumentForm form(Path file, String key, String value, Set<DocumentForm> offered,
            DocumentForm fallback) {
        if (value == null) {
            return fallback;
        }
        DocumentForm form;
        try {
            form = DocumentForm.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            form = null;
        }
        if (form == null || !offered.contains(form)) {
            throw PartnerDirectory.invalid(file, key, value, "one of " + offered.stream().map(DocumentForms::yaml)
                    .collect(Collectors.joining(", ")));
        }
        return form;
    }

    private static void needsNoEdifactId(Path file, String key, DocumentForm form) {
        if (form == DocumentForm.EDIFACT) {
            throw PartnerDirectory.invalid(file, key, "edifact", "a form the partner can be sent: EDIFACT needs the "
                    + "partner's interchange id under edifact.id (the UNB recipient)");
        }
    }

    private static PartnerConfigurationException contradiction(Path file, String key, String value, String otherKey,
            String otherValue) {
        return new PartnerConfigurationException(file + ": " + key + ": '" + value + "' contradicts " + otherKey + ": '"
                + otherValue + "'; remove " + otherKey + " or make the two agree");
    }

    /** As the file writes it: as-ordered, x12-812. */
    static String yaml(DocumentForm form) {
        return form.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
