package io.edihub.desk;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import io.edihub.x12.OurIdentity;
import io.edihub.x12.SetGuide;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A partner's implementation guide, generated from its partner file and from the schemas the hub reads and writes
 * with: what the partner sends and in which sets and releases, the segments and codes we read, what we send back and
 * when, the envelope ids, its mode, and the contract's terms. The same page for the partner (on the portal) and for
 * operators; printable.
 */
@Component
class GuidePages {

    /** What a partner sends, by X12 set, and what it is for. */
    private static final List<String[]> READ = List.of(
            new String[] {"850", "orders, and releases against a blanket order (BEG02 BK / RL)"},
            new String[] {"860", "changes to an order on file"},
            new String[] {"861", "acceptance (or rejection) of what was shipped: nothing is invoiced without it"},
            new String[] {"820", "remittance: the payment and the invoices it pays"},
            new String[] {"812", "credit or debit adjustments: claims after invoicing"});

    private final PartnerDirectory partners;
    private final OurIdentity us;

    GuidePages(PartnerDirectory partners, OurIdentity us) {
        this.partners = partners;
        this.us = us;
    }

    /** One document we send: the set or format, when, and whether this partner gets it. */
    record Sent(String document, String when, boolean sent) {
    }

    /** @return false when there is no such partner */
    boolean fill(String partnerId, Model model) {
        Optional<PartnerProfile> found = partners.byId(partnerId);
        if (found.isEmpty()) {
            return false;
        }
        PartnerProfile p = found.get();
        model.addAttribute("p", p);
        model.addAttribute("us", us);
        model.addAttribute("usageIndicator", p.mode() == PartnerProfile.Mode.TEST ? "T" : us.usageIndicator());
        List<SetGuide.SetFacts> read = new ArrayList<>();
        List<String> purposes = new ArrayList<>();
        for (String[] set : READ) {
            read.add(SetGuide.of(set[0]));
            purposes.add(set[1]);
        }
        model.addAttribute("read", read);
        model.addAttribute("purposes", purposes);
        model.addAttribute("sent", sent(p));
        model.addAttribute("written", written(p));
        return true;
    }

    private static List<Sent> sent(PartnerProfile p) {
        boolean x999 = p.functionalAck() == PartnerProfile.FunctionalAck.X999;
        PartnerProfile.Documents d = p.documents();
        List<Sent> sent = new ArrayList<>();
        sent.add(new Sent(x999 ? "999 Implementation Acknowledgment" : "997 Functional Acknowledgment",
                "for every functional group received, as soon as the file is read", true));
        sent.add(new Sent("TA1 Interchange Acknowledgment", switch (p.ta1()) {
            case ALWAYS -> "for every interchange";
            case WHEN_REQUESTED -> "when ISA14 asks for one, and for an interchange refused at its envelope";
            case NEVER -> "never; an interchange refused at its envelope is reported in error/ instead";
        }, p.ta1() != PartnerProfile.Ta1Policy.NEVER));
        sent.add(new Sent(form(d.acknowledgment(), "855 Purchase Order Acknowledgment", "ORDRSP", "order acknowledgment"),
                "for each order and change taken, after the 997; for a held order once a person decided",
                d.acknowledgment() != PartnerProfile.DocumentForm.NONE));
        sent.add(new Sent(form(d.shipNotice(), "856 Ship Notice", "DESADV", "ship notice"), "for each shipment of a release",
                d.shipNotice() != PartnerProfile.DocumentForm.NONE));
        sent.add(new Sent(form(d.invoice(), "810 Invoice", "INVOIC (document name 380)", "invoice"),
                "once per accepted quantity, at the contract's price and terms",
                d.invoice() != PartnerProfile.DocumentForm.NONE));
        sent.add(new Sent(form(d.creditNote(), "810 Invoice with BIG07 CR (credit note)", "INVOIC (document name 381)",
                "credit note"), "when a claim after invoicing is settled with a credit",
                d.creditNote() != PartnerProfile.DocumentForm.NONE));
        sent.add(new Sent(form(d.returnAuthorization(), "180 Return Merchandise Authorization", null, "return authorization"),
                "when a claim is settled by a return of the goods", d.returnAuthorization() != PartnerProfile.DocumentForm.NONE));
        sent.add(new Sent(p.claimDocuments().denial() == PartnerProfile.AnswerForm.X12
                ? "824 Application Advice" : "claim denial as JSON", "when a claim is denied, with the reason", true));
        sent.add(new Sent("payment as applied, as JSON", "for each remittance taken, beside its 997 or response file",
                d.remittanceAnswer() == PartnerProfile.DocumentForm.JSON));
        return sent;
    }

    /** The document in the partner's form (documents.* in its file); a kind it gets no file of is named as X12. */
    private static String form(PartnerProfile.DocumentForm form, String x12, String edifact, String what) {
        return switch (form) {
            case X12, NONE -> x12;
            case X12_812 -> "812 Credit/Debit Adjustment";
            case EDIFACT -> "EDIFACT D96A " + edifact;
            case JSON -> what + " as JSON";
            case CSV -> what + " as CSV";
            case AS_ORDERED -> x12 + " for an X12 order; JSON for the others";
        };
    }

    /** The X12 sets we write for the partner, whose segments the guide lists. */
    private static List<SetGuide.SetFacts> written(PartnerProfile p) {
        List<SetGuide.SetFacts> written = new ArrayList<>();
        PartnerProfile.DocumentForm ack = p.documents().acknowledgment();
        if (ack == PartnerProfile.DocumentForm.X12 || ack == PartnerProfile.DocumentForm.AS_ORDERED
                || ack == PartnerProfile.DocumentForm.NONE) {
            written.add(SetGuide.of("855"));
        }
        if (p.documents().shipNotice() == PartnerProfile.DocumentForm.X12
                || p.documents().shipNotice() == PartnerProfile.DocumentForm.NONE) {
            written.add(SetGuide.of("856"));
        }
        if (p.documents().invoice() == PartnerProfile.DocumentForm.X12) {
            written.add(SetGuide.of("810"));
        }
        return written;
    }
}
