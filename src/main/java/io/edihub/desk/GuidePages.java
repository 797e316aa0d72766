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
        model.addAttribute("written", List.of(SetGuide.of("855"), SetGuide.of("856"), SetGuide.of("810")));
        return true;
    }

    private static List<Sent> sent(PartnerProfile p) {
        boolean x999 = p.functionalAck() == PartnerProfile.FunctionalAck.X999;
        List<Sent> sent = new ArrayList<>();
        sent.add(new Sent(x999 ? "999 Implementation Acknowledgment" : "997 Functional Acknowledgment",
                "for every functional group received, as soon as the file is read", true));
        sent.add(new Sent("TA1 Interchange Acknowledgment", switch (p.ta1()) {
            case ALWAYS -> "for every interchange";
            case WHEN_REQUESTED -> "when ISA14 asks for one, and for an interchange refused at its envelope";
            case NEVER -> "never; an interchange refused at its envelope is reported in error/ instead";
        }, p.ta1() != PartnerProfile.Ta1Policy.NEVER));
        sent.add(new Sent("855 Purchase Order Acknowledgment", "for each order and change taken, after the 997; for a held "
                + "order once a person decided", p.poAcknowledgment()));
        sent.add(new Sent("856 Ship Notice", "for each shipment of a release", p.shipNotice()));
        sent.add(new Sent("810 Invoice", p.invoicing().consolidated() ? "once a month, on day " + p.invoicing().issueDay()
                + ", one per " + (p.invoicing().per() == PartnerProfile.Per.CONTRACT ? "contract" : "PO") + " for everything "
                + "accepted in the month before, each line naming its release (REF RE), at the contract's price and terms"
                : "once per accepted quantity, at the contract's price and terms", true));
        sent.add(new Sent(switch (p.claimDocuments().creditNote()) {
            case X12_810 -> "810 Invoice with BIG07 CR (credit note)";
            case X12_812 -> "812 Credit/Debit Adjustment";
            case JSON -> "credit note as JSON";
        }, "when a claim after invoicing is settled with a credit", true));
        sent.add(new Sent(p.claimDocuments().returnAuthorization() == PartnerProfile.AnswerForm.X12
                ? "180 Return Merchandise Authorization" : "return authorization as JSON",
                "when a claim is settled by a return of the goods", true));
        sent.add(new Sent(p.claimDocuments().denial() == PartnerProfile.AnswerForm.X12
                ? "824 Application Advice" : "claim denial as JSON", "when a claim is denied, with the reason", true));
        return sent;
    }
}
