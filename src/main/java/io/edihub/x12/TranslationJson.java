package io.edihub.x12;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.CanonicalJson;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.Remittance;
import java.util.List;
import java.util.Map;

/**
 * The JSON view of a translated file: the envelopes, every verdict with its errors, the canonical orders
 * with their releases (an 850's {@code order}), the canonical order changes (an 860's {@code change}),
 * the canonical acceptances (an 861's {@code acceptances}), the canonical credit/debit adjustments (an 812's
 * {@code adjustments}), the canonical remittances (an 820's {@code remittances}), the partner's verdict on our documents (a
 * received 997's {@code functionalAck}), and the acknowledgments' text. The golden files in
 * {@code edi-samples/} use it. The groups and sets of an interchange a TA1 rejects are shown rejected (R,
 * {@code REJECTED}) whatever was found in them: the partner gets no 997 for them and the hub takes none of them.
 */
public final class TranslationJson {

    /** Canonical orders as JSON, indented for people and golden files. */
    public static final ObjectMapper MAPPER = CanonicalJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private TranslationJson() {
    }

    /**
     * @param orders the planned order of each accepted transaction set, keyed by the set's result; the
     *               changes come with the translation
     */
    public static ObjectNode of(X12Translator.Translation translation, Map<TransactionResult, PlannedOrder> orders) {
        FileResult result = translation.result();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("file", result.fileName());
        root.set("errors", errors(result.errors()));
        ArrayNode interchanges = root.putArray("interchanges");
        for (InterchangeResult i : result.interchanges()) {
            ObjectNode in = interchanges.addObject();
            InterchangeResult.Envelope e = i.envelope();
            in.put("sender", e.senderQualifier() + "/" + e.senderId());
            in.put("receiver", e.receiverQualifier() + "/" + e.receiverId());
            in.put("controlNumber", e.controlNumber());
            in.put("partner", i.partner() == null ? null : i.partner().id());
            in.put("status", i.rejected() ? "REJECTED" : "ACCEPTED");
            if (i.test()) {
                // only a test interchange says so: a production one reads as every earlier translation did
                in.put("test", true);
            }
            in.put("ta1Code", i.ta1Code());
            in.set("errors", errors(i.errors()));
            ArrayNode groups = in.putArray("groups");
            for (GroupResult g : i.groups()) {
                ObjectNode gn = groups.addObject();
                gn.put("functionalId", g.functionalId());
                gn.put("controlNumber", g.controlNumber());
                gn.put("version", g.version());
                // a TA1 that rejects the interchange rejects everything in it: no group or set of it is taken
                gn.put("status", i.rejected() ? "R" : g.ak9Status());
                gn.set("errors", errors(g.errors()));
                ArrayNode txs = gn.putArray("transactions");
                for (TransactionResult t : g.transactions()) {
                    ObjectNode tn = txs.addObject();
                    tn.put("type", t.type());
                    tn.put("controlNumber", t.controlNumber());
                    tn.put("status", i.rejected() ? TransactionResult.Status.REJECTED.name() : t.status().name());
                    tn.set("errors", errors(t.errors()));
                    boolean setTaken = !i.rejected() && !g.rejected() && t.status() != TransactionResult.Status.REJECTED;
                    if ("860".equals(t.type())) {
                        OrderChange change = translation.change(t);
                        tn.set("change", change != null && setTaken ? MAPPER.valueToTree(change) : MAPPER.nullNode());
                        continue;
                    }
                    if ("861".equals(t.type())) {
                        List<Acceptance> acceptances = translation.acceptances(t);
                        tn.set("acceptances", setTaken ? MAPPER.valueToTree(acceptances) : MAPPER.nullNode());
                        continue;
                    }
                    if ("812".equals(t.type())) {
                        List<Adjustment> adjustments = translation.adjustments(t);
                        tn.set("adjustments", setTaken ? MAPPER.valueToTree(adjustments) : MAPPER.nullNode());
                        continue;
                    }
                    if ("820".equals(t.type())) {
                        List<Remittance> remittances = translation.remittances(t);
                        tn.set("remittances", setTaken ? MAPPER.valueToTree(remittances) : MAPPER.nullNode());
                        continue;
                    }
                    if ("997".equals(t.type())) {
                        ReceivedFunctionalAck ack = translation.functionalAck(t);
                        tn.set("functionalAck", ack != null && setTaken ? MAPPER.valueToTree(ack) : MAPPER.nullNode());
                        continue;
                    }
                    PlannedOrder order = orders.get(t);
                    boolean taken = order != null && !i.rejected() && !g.rejected();
                    if (taken) {
                        ObjectNode on = MAPPER.valueToTree(order.order());
                        on.set("releases", MAPPER.valueToTree(order.releases()));
                        tn.set("order", on);
                    } else {
                        tn.putNull("order");
                    }
                }
            }
        }
        ArrayNode acks = root.putArray("acknowledgments");
        translation.acknowledgments().forEach(a -> acks.add(a.text()));
        return root;
    }

    private static ArrayNode errors(List<X12Error> errors) {
        ArrayNode array = MAPPER.createArrayNode();
        for (X12Error e : errors) {
            ObjectNode n = array.addObject();
            n.put("segment", e.segment());
            n.put("position", e.position());
            n.put("element", e.element());
            n.put("code", e.code());
            n.put("message", e.message());
        }
        return array;
    }
}
