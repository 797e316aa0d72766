package io.edihub.claims;

import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.CreditNote;
import io.edihub.canonical.ReturnAuthorization;
import io.edihub.document.ClaimDocumentsJson;
import io.edihub.forms.OutgoingDocuments;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.ClaimDenial824Writer;
import io.edihub.x12.ControlNumbers;
import io.edihub.x12.OurIdentity;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/**
 * What a settled claim tells the customer, in the form its partner file asks for: a credit note and a return
 * authorization as {@code documents.*} (or {@code claims.*}) says, written by {@link OutgoingDocuments}; a denial as an
 * 824 or JSON ({@code claims.denial}). Stored for the partner's {@code outbound/} in the caller's transaction (the
 * outbound delivery writes it after the commit), named by the claim's documents so the order's timeline finds it.
 */
@Component
class ClaimDocuments {

    private final OutboundDocuments outbound;
    private final ControlNumbers numbers;
    private final OutgoingDocuments forms;
    private final ClaimDenial824Writer denials;

    ClaimDocuments(OutboundDocuments outbound, ControlNumbers numbers, OurIdentity us, OutgoingDocuments forms) {
        this.outbound = outbound;
        this.numbers = numbers;
        this.forms = forms;
        this.denials = new ClaimDenial824Writer(us);
    }

    /** The credit note in the partner's form; an 810 cannot carry a credit of an amount alone, so such a one goes as an 812. */
    void creditNote(CreditNote note, PartnerProfile partner, Instant now) {
        forms.sendCreditNote(note, partner, now);
    }

    void returnAuthorization(ReturnAuthorization rma, PartnerProfile partner, Instant now) {
        forms.sendReturnAuthorization(rma, partner, now);
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
