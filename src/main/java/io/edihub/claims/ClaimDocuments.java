package io.edihub.claims;

import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.ReturnAuthorization;
import io.edihub.document.ClaimDocumentsJson;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.ClaimDenial824Writer;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.CreditNote812Writer;
import io.edihub.x12.Invoice810Writer;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.ReturnAuthorization180Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * What a settled claim tells the customer, in the form its partner file asks for ({@code claims.*}): a credit note as
 * an 810 with BIG07 CR, an 812 or JSON; a return authorization as a 180 or JSON; a denial as an 824 or JSON. Stored
 * for the partner's {@code outbound/} in the caller's transaction (the outbound delivery writes it after the commit),
 * named by the claim's documents so the order's timeline finds it.
 */
@Component
class ClaimDocuments {

    private final OutboundDocuments outbound;
    private final ControlNumbers numbers;
    private final Invoice810Writer invoices;
    private final CreditNote812Writer adjustments;
    private final ReturnAuthorization180Writer returns;
    private final ClaimDenial824Writer denials;

    ClaimDocuments(OutboundDocuments outbound, ControlNumbers numbers, OurIdentity us) {
        this.outbound = outbound;
        this.numbers = numbers;
        this.invoices = new Invoice810Writer(us);
        this.adjustments = new CreditNote812Writer(us);
        this.returns = new ReturnAuthorization180Writer(us);
        this.denials = new ClaimDenial824Writer(us);
    }

    /** The credit note; an 810 cannot carry a credit of an amount alone, so such a one goes as an 812. */
    void creditNote(CreditNote note, PartnerProfile partner, Instant now) {
        PartnerProfile.CreditNoteForm form = partner.claimDocuments().creditNote();
        if (form == PartnerProfile.CreditNoteForm.X12_810 && note.lines().stream().anyMatch(l -> l.quantity() == null)) {
            form = PartnerProfile.CreditNoteForm.X12_812;
        }
        switch (form) {
            case X12_810 -> x12(partner, "810", invoices.writeCreditMemo(note, partner, numbers, now.atZone(ZoneOffset.UTC)),
                    note.creditNoteNumber(), note.poNumber(), note.releaseId(), now);
            case X12_812 -> x12(partner, "812", adjustments.write(note, partner, numbers, now.atZone(ZoneOffset.UTC)),
                    note.creditNoteNumber(), note.poNumber(), note.releaseId(), now);
            case JSON -> outbound.store(partner.id(), "CREDIT_NOTE", null, "credit-note-" + safe(note.creditNoteNumber())
                    + ".json", ClaimDocumentsJson.creditNote(note), null, note.poNumber(), note.releaseId(), now);
            default -> throw new IllegalStateException("no credit note form " + form);
        }
    }

    void returnAuthorization(ReturnAuthorization rma, PartnerProfile partner, Instant now) {
        if (partner.claimDocuments().returnAuthorization() == PartnerProfile.AnswerForm.X12) {
            x12(partner, "180", returns.write(rma, partner, numbers, now.atZone(ZoneOffset.UTC)), rma.rmaNumber(),
                    rma.poNumber(), rma.releaseId(), now);
        } else {
            outbound.store(partner.id(), "RETURN_AUTHORIZATION", null, "return-authorization-" + safe(rma.rmaNumber())
                    + ".json", ClaimDocumentsJson.returnAuthorization(rma), null, rma.poNumber(), rma.releaseId(), now);
        }
    }

    void denial(ClaimDenial denial, PartnerProfile partner, Instant now) {
        if (partner.claimDocuments().denial() == PartnerProfile.AnswerForm.X12) {
            x12(partner, "824", denials.write(denial, partner, numbers, now.atZone(ZoneOffset.UTC)), denial.claimNumber(),
                    denial.poNumber(), denial.releaseId(), now);
        } else {
            outbound.store(partner.id(), "CLAIM_DENIAL", null, "claim-denial-" + safe(denial.claimNumber()) + ".json",
                    ClaimDocumentsJson.claimDenial(denial), null, denial.poNumber(), denial.releaseId(), now);
        }
    }

    /** An X12 interchange, named {@code <set>-<ISA13>-<what it is>.x12} like the 810s and 856s. */
    private void x12(PartnerProfile partner, String set, String text, String name, String po, String release, Instant now) {
        String control = text.substring(90, 99);
        outbound.store(partner.id(), set, control, set + "-" + control + "-" + safe(name) + ".x12", text, null, po, release,
                now);
    }

    private static String safe(String name) {
        return name.replaceAll("[^0-9A-Za-z-]", "");
    }
}
