package io.edihub.forms;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The D96A segment directory as the Smooks EDIFACT cartridge's {@code d96a} schemas define it
 * ({@code d96a/EDIFACT-Segments.dfdl.xsd}): each segment's data elements and composites in their positions, how many
 * times they repeat, which are mandatory, and each simple data element's representation (an..35, n..15) and code list.
 * {@link #problems} checks one segment as written against it: a data element or component too many, a mandatory one
 * missing, a value too long or not a number, a code the list does not have. Service segments (UNx) are the envelope
 * reader's.
 */
final class D96aSegments {

    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static volatile D96aSegments directory;

    /** One position of a segment or composite: a simple data element or a composite. */
    private record Slot(String name, boolean mandatory, String type) {
    }

    /** A simple data element's representation: its length range or digits, and its codes (empty: any value). */
    private record Representation(boolean numeric, int minLength, int maxLength, Set<String> codes) {
    }

    private final Map<String, Element> complexTypes = new HashMap<>();
    private final Map<String, Element> simpleTypes = new HashMap<>();
    private final Map<String, String> segmentTypes = new HashMap<>();

    private D96aSegments(Document doc) {
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XSD.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "complexType" -> complexTypes.put(e.getAttribute("name"), e);
                    case "simpleType" -> simpleTypes.put(e.getAttribute("name"), e);
                    case "element" -> segmentTypes.put(e.getAttribute("name").substring(0, 3), local(e.getAttribute("type")));
                    default -> {
                    }
                }
            }
        }
    }

    /**
     * What is wrong with one segment.
     *
     * @param segment as {@link EdifactReadBack} shows it: {@code +} between data elements, {@code :} between components
     *                (values holding a separator are not told apart: the test documents have none)
     */
    static List<String> problems(String segment) {
        String tag = segment.substring(0, 3);
        if (tag.startsWith("UN")) {
            return List.of();
        }
        return get().check(tag, segment);
    }

    private List<String> check(String tag, String segment) {
        List<String> problems = new ArrayList<>();
        String type = segmentTypes.get(tag);
        if (type == null) {
            return List.of(tag + " is not a D96A segment");
        }
        List<Slot> slots = slots(complexTypes.get(type));
        String[] elements = segment.length() > 3 ? segment.substring(4).split("\\+", -1) : new String[0];
        if (elements.length > slots.size()) {
            problems.add(segment + ": " + elements.length + " data elements, " + tag + " has " + slots.size());
        }
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            String value = i < elements.length ? elements[i] : "";
            String where = String.format("%s%02d (%s)", tag, i + 1, slot.name());
            if (value.isEmpty()) {
                if (slot.mandatory()) {
                    problems.add(segment + ": " + where + " is mandatory");
                }
                continue;
            }
            if (slot.name().startsWith("C")) {
                List<Slot> components = slots(complexTypes.get(slot.type()));
                String[] values = value.split(":", -1);
                if (values.length > components.size()) {
                    problems.add(segment + ": " + where + " has " + values.length + " components, D96A " + components.size());
                }
                for (int c = 0; c < components.size(); c++) {
                    String component = c < values.length ? values[c] : "";
                    if (component.isEmpty()) {
                        if (components.get(c).mandatory()) {
                            problems.add(segment + ": " + where + " component " + (c + 1) + " is mandatory");
                        }
                    } else {
                        value(segment, where + " component " + (c + 1), components.get(c).type(), component, problems);
                    }
                }
            } else if (value.contains(":")) {
                problems.add(segment + ": " + where + " is a simple data element, not a composite");
            } else {
                value(segment, where, slot.type(), value, problems);
            }
        }
        return problems;
    }

    private void value(String segment, String where, String type, String value, List<String> problems) {
        Representation r = representation(type);
        if (r.numeric()) {
            String digits = value.replace("-", "").replace(".", "");
            if (!value.matches("-?[0-9]+(\\.[0-9]+)?") || digits.length() > r.maxLength()) {
                problems.add(segment + ": " + where + " '" + value + "' is not a number of at most " + r.maxLength()
                        + " digits");
            }
        } else if (value.length() < r.minLength() || value.length() > r.maxLength()) {
            problems.add(segment + ": " + where + " '" + value + "' is not " + r.minLength() + " to " + r.maxLength()
                    + " characters");
        }
        if (!r.codes().isEmpty() && !r.codes().contains(value)) {
            problems.add(segment + ": " + where + " '" + value + "' is not a code of its list");
        }
    }

    private Representation representation(String type) {
        Element simple = simpleTypes.get(type);
        Element restriction = child(simple, "restriction");
        Set<String> codes = new TreeSet<>();
        for (Element e : children(restriction, "enumeration")) {
            codes.add(e.getAttribute("value"));
        }
        String base = local(restriction.getAttribute("base"));
        Element baseType = simpleTypes.get(base);
        if (baseType == null) {
            throw new IllegalStateException("no base type " + base + " of " + type);
        }
        Element baseRestriction = child(baseType, "restriction");
        if (base.startsWith("numeric")) {
            int digits = Integer.parseInt(child(baseRestriction, "totalDigits").getAttribute("value"));
            return new Representation(true, 1, digits, codes);
        }
        return new Representation(false, Integer.parseInt(child(baseRestriction, "minLength").getAttribute("value")),
                Integer.parseInt(child(baseRestriction, "maxLength").getAttribute("value")), codes);
    }

    /** The positions of a segment or composite, a repeated one once per repetition. */
    private static List<Slot> slots(Element complexType) {
        List<Slot> slots = new ArrayList<>();
        collect(child(complexType, "sequence"), slots);
        return slots;
    }

    private static void collect(Element sequence, List<Slot> slots) {
        for (Node n = sequence.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !XSD.equals(e.getNamespaceURI())) {
                continue;
            }
            if ("sequence".equals(e.getLocalName())) {
                collect(e, slots);
            } else if ("element".equals(e.getLocalName())) {
                int min = e.getAttribute("minOccurs").isEmpty() ? 1 : Integer.parseInt(e.getAttribute("minOccurs"));
                int max = e.getAttribute("maxOccurs").isEmpty() ? 1 : Integer.parseInt(e.getAttribute("maxOccurs"));
                for (int i = 0; i < max; i++) {
                    slots.add(new Slot(e.getAttribute("name"), i < min, local(e.getAttribute("type"))));
                }
            }
        }
    }

    private static String local(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
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

    private static D96aSegments get() {
        D96aSegments d = directory;
        if (d == null) {
            try (InputStream in = D96aSegments.class.getClassLoader().getResourceAsStream("d96a/EDIFACT-Segments.dfdl.xsd")) {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                d = new D96aSegments(factory.newDocumentBuilder().parse(in));
                directory = d;
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the D96A segment schemas of the EDIFACT cartridge", e);
            }
        }
        return d;
    }
}
