package io.edihub.forms;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The segment table of a D96A message as the Smooks EDIFACT cartridge's {@code d96a} schemas define it
 * ({@code d96a/EDIFACT-Messages.dfdl.xsd}, the same artifact the hub reads ORDERS with): which segments and segment
 * groups, in which order, how often. {@link #problems} walks a message's segments (UNH to UNT excluded) through it the
 * way a reader does, greedily, and says where a segment stands that the table does not allow, or a mandatory one is
 * missing. Reading the table costs no Daffodil compile: the DFDL schema is read as the XML it is.
 */
final class D96aStructure {

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final String DFDL = "http://www.ogf.org/dfdl/dfdl-1.0/";
    private static final Map<String, List<Item>> TABLES = new ConcurrentHashMap<>();
    private static volatile Document messages;

    /** A segment (group null) or a segment group whose first item is its trigger segment. */
    private record Item(String tag, String group, int min, int max, List<Item> items) {

        String trigger() {
            return group == null ? tag : items.get(0).trigger();
        }

        String name() {
            return group == null ? tag : group;
        }
    }

    private D96aStructure() {
    }

    /** What is wrong with the message's segment sequence; empty when D96A allows it. */
    static List<String> problems(String messageType, List<String> tags) {
        List<Item> table = TABLES.computeIfAbsent(messageType, D96aStructure::table);
        List<String> problems = new ArrayList<>();
        int end = walk(table, tags, 0, messageType, problems);
        if (end < tags.size()) {
            problems.add("segment " + (end + 2) + " " + tags.get(end) + " is not allowed here in " + messageType
                    + " D96A");
        }
        return problems;
    }

    private static int walk(List<Item> items, List<String> tags, int at, String where, List<String> problems) {
        int pos = at;
        for (Item item : items) {
            int count = 0;
            while (count < item.max() && pos < tags.size() && tags.get(pos).equals(item.trigger())) {
                pos = item.group() == null ? pos + 1 : walk(item.items(), tags, pos, where + "/" + item.group(), problems);
                count++;
            }
            if (count < item.min()) {
                problems.add(where + ": " + item.name() + " is mandatory but missing before segment " + (pos + 2));
            }
        }
        return pos;
    }

    private static List<Item> table(String messageType) {
        Document doc = messages();
        for (Element type : children(doc.getDocumentElement(), "complexType")) {
            if (messageType.equals(type.getAttribute("name"))) {
                return items(child(type, "sequence"));
            }
        }
        throw new IllegalArgumentException("no " + messageType + " in the D96A message schemas");
    }

    private static List<Item> items(Element sequence) {
        List<Item> items = new ArrayList<>();
        for (Node n = sequence.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !XSD.equals(e.getNamespaceURI())) {
                continue;
            }
            if ("sequence".equals(e.getLocalName())) {
                items.addAll(items(e));
            } else if ("element".equals(e.getLocalName())) {
                int min = Integer.parseInt(e.getAttribute("minOccurs").isEmpty() ? "1" : e.getAttribute("minOccurs"));
                String maxText = e.getAttribute("maxOccurs");
                int max = maxText.isEmpty() ? 1 : "unbounded".equals(maxText) ? Integer.MAX_VALUE : Integer.parseInt(maxText);
                String initiator = e.getAttributeNS(DFDL, "initiator");
                if (!initiator.isEmpty()) {
                    items.add(new Item(initiator, null, min, max, List.of()));
                } else {
                    Element group = child(child(e, "complexType"), "sequence");
                    items.add(new Item(null, e.getAttribute("name"), min, max, items(group)));
                }
            }
        }
        return items;
    }

    private static Document messages() {
        Document doc = messages;
        if (doc == null) {
            try (InputStream in = D96aStructure.class.getClassLoader()
                    .getResourceAsStream("d96a/EDIFACT-Messages.dfdl.xsd")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                doc = factory.newDocumentBuilder().parse(in);
                messages = doc;
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the D96A message schemas of the EDIFACT cartridge", e);
            }
        }
        return doc;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XSD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String localName) {
        return children(parent, localName).get(0);
    }
}
