package io.edihub.edifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The DFDL schema Smooks reads ORDERS D96A interchanges with, cut down from the schemas the EDIFACT cartridge
 * ships, plus what the hub needs to explain a Smooks error (which positions hold numbers, which segments an
 * ORDERS message may have).
 *
 * <p>Why cut it down: Daffodil compiles every global element of every schema it is given, and the shipped
 * D96A interchange schema names all 200-odd D96A messages; compiling it took over a minute here. Ours has one
 * global element (the interchange), the ORDERS message type inlined once, and only the segment, composite and
 * simple types ORDERS reaches. It accepts one optional functional group (UNG ... UNE) and no BadMessage
 * fallback: a message that does not fit ORDERS fails the parse, so the hub learns where.
 */
final class OrdersSchema {

    static final String INTERCHANGE_FILE = "orders-d96a.dfdl.xsd";
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final List<String> ENVELOPE = List.of("UNA", "UNB-InterchangeHeader", "UNG-GroupHeader",
            "UNH-MessageHeader", "UNT-MessageTrailer", "UNE-GroupTrailer", "UNZ-InterchangeTrailer");

    private final Map<String, Set<Integer>> numericPositions;
    private final Set<String> ordersSegments;

    private OrdersSchema(Map<String, Set<Integer>> numericPositions, Set<String> ordersSegments) {
        this.numericPositions = numericPositions;
        this.ordersSegments = ordersSegments;
    }

    /** Writes the schema files into {@code dir} from the cartridge's resources; returns what it learnt. */
    static OrdersSchema write(Path dir) {
        try {
            Document messages = parse("d96a/EDIFACT-Messages.dfdl.xsd");
            Document segments = parse("d96a/EDIFACT-Segments.dfdl.xsd");
            Document service = parse("EDIFACT-Common/EDIFACT-Service-Segments-4.1.dfdl.xsd");

            Set<String> segmentTypes = new TreeSet<>();
            Set<String> serviceTypes = new TreeSet<>(ENVELOPE);
            Set<String> ordersSegments = new TreeSet<>();
            collectInitiators(named(messages, "complexType", "ORDERS"), ordersSegments);
            keepOnly(messages, Set.of("ORDERS"), "D96A:", segmentTypes, serviceTypes);
            relocate(messages, "segments.dfdl.xsd", "service.dfdl.xsd");
            Map<String, Element> segmentDefs = keepOnly(segments, segmentTypes, "D96A:", new TreeSet<>(), serviceTypes);
            relocate(segments, null, "service.dfdl.xsd");
            Map<String, Element> serviceDefs = keepOnly(service, serviceTypes, "srv:", new TreeSet<>(), new TreeSet<>());

            save(messages, dir.resolve("messages.dfdl.xsd"));
            save(segments, dir.resolve("segments.dfdl.xsd"));
            save(service, dir.resolve("service.dfdl.xsd"));
            Files.writeString(dir.resolve(INTERCHANGE_FILE), INTERCHANGE, StandardCharsets.UTF_8);

            Map<String, Element> all = new HashMap<>(serviceDefs);
            all.putAll(segmentDefs);
            return new OrdersSchema(numericPositions(all), ordersSegments);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the ORDERS D96A schema to " + dir, e);
        } catch (ParserConfigurationException | SAXException | TransformerException e) {
            throw new IllegalStateException("cannot cut down the EDIFACT cartridge's D96A schema", e);
        }
    }

    /** True when the segment's data element (and component, 0 for a simple element) is a number in D96A. */
    boolean isNumeric(String tag, int element, int component) {
        Set<Integer> positions = numericPositions.get(tag);
        return positions != null && positions.contains(element * 1000 + component);
    }

    /** True when an ORDERS D96A message may contain the segment somewhere. */
    boolean inOrders(String tag) {
        return ordersSegments.contains(tag);
    }

    /*
     * Our own wrapper around the cartridge's types: the interchange envelope with one ORDERS message type.
     * The element names are those of the cartridge's EDIFACT interchange schema, so the XML reads the same.
     */
    private static final String INTERCHANGE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:dfdl="http://www.ogf.org/dfdl/dfdl-1.0/"
                        xmlns:ibmEdiFmt="http://www.ibm.com/dfdl/EDI/Format"
                        xmlns:srv="http://www.ibm.com/dfdl/edi/un/service/4.1"
                        xmlns:D96A="http://www.ibm.com/dfdl/edi/un/edifact/D96A"
                        targetNamespace="http://www.ibm.com/dfdl/edi/un/edifact/D96A">
              <xsd:import namespace="http://www.ibm.com/dfdl/EDI/Format" schemaLocation="/EDIFACT-Common/IBM_EDI_Format.dfdl.xsd"/>
              <xsd:import namespace="http://www.ibm.com/dfdl/edi/un/service/4.1" schemaLocation="service.dfdl.xsd"/>
              <xsd:include schemaLocation="messages.dfdl.xsd"/>
              <xsd:annotation>
                <xsd:appinfo source="http://www.ogf.org/dfdl/">
                  <dfdl:format ref="ibmEdiFmt:EDIFormat"/>
                </xsd:appinfo>
              </xsd:annotation>
              <xsd:element name="Interchange" dfdl:lengthKind="implicit">
                <xsd:complexType>
                  <xsd:sequence>
                    <xsd:element name="UNA" type="srv:UNA" minOccurs="0" dfdl:initiator="UNA" dfdl:length="6"
                                 dfdl:lengthKind="explicit" dfdl:encoding="iso-8859-1" dfdl:terminator="%NL;%WSP*; %WSP*;"/>
                    <xsd:element name="UNB" type="srv:UNB-InterchangeHeader" dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNB"/>
                    <xsd:element name="UNG" type="srv:UNG-GroupHeader" minOccurs="0" dfdl:occursCountKind="parsed"
                                 dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNG"/>
                    <xsd:element name="Message" maxOccurs="unbounded" dfdl:occursCountKind="parsed">
                      <xsd:complexType>
                        <xsd:sequence>
                          <xsd:element name="UNH" type="srv:UNH-MessageHeader" dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNH"/>
                          <xsd:element name="ORDERS" type="D96A:ORDERS"/>
                          <xsd:element name="UNT" type="srv:UNT-MessageTrailer" dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNT"/>
                        </xsd:sequence>
                      </xsd:complexType>
                    </xsd:element>
                    <xsd:element name="UNE" type="srv:UNE-GroupTrailer" minOccurs="0" dfdl:occursCountKind="parsed"
                                 dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNE"/>
                    <xsd:element name="UNZ" type="srv:UNZ-InterchangeTrailer" dfdl:ref="ibmEdiFmt:EDISegmentFormat" dfdl:initiator="UNZ"/>
                  </xsd:sequence>
                </xsd:complexType>
              </xsd:element>
            </xsd:schema>
            """;

    private static Document parse(String resource)
            throws IOException, ParserConfigurationException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        try (InputStream in = OrdersSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the classpath has no " + resource + " (Smooks' EDIFACT schemas)");
            }
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static void save(Document document, Path file) throws TransformerException {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        var transformer = factory.newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
    }

    private static Element named(Document document, String kind, String name) {
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && kind.equals(e.getLocalName()) && name.equals(e.getAttribute("name"))) {
                return e;
            }
        }
        throw new IllegalStateException("the D96A schema has no " + kind + " " + name);
    }

    /**
     * Drops every global element and every named type not reachable from {@code roots}; returns the kept
     * types by name. Types of the other namespaces met on the way are added to {@code foreign} or
     * {@code service}.
     */
    private static Map<String, Element> keepOnly(Document document, Set<String> roots, String prefix,
            Set<String> foreign, Set<String> service) {
        Element schema = document.getDocumentElement();
        Map<String, Element> byName = new HashMap<>();
        for (Node n = schema.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"element".equals(e.getLocalName()) && e.hasAttribute("name")) {
                byName.put(e.getAttribute("name"), e);
            }
        }
        Map<String, Element> kept = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Element definition = byName.get(name);
            if (definition == null) {
                foreign.add(name);
            } else if (kept.put(name, definition) == null) {
                Set<String> local = new HashSet<>();
                references(definition, prefix, local, service);
                todo.addAll(local);
            }
        }
        for (Node n = schema.getFirstChild(); n != null;) {
            Node next = n.getNextSibling();
            if (n instanceof Element e && e.hasAttribute("name")
                    && ("element".equals(e.getLocalName()) || !kept.containsKey(e.getAttribute("name")))) {
                schema.removeChild(n);
            }
            n = next;
        }
        return kept;
    }

    private static void references(Element e, String prefix, Set<String> local, Set<String> service) {
        for (String attribute : List.of("type", "base", "ref")) {
            String value = e.getAttribute(attribute);
            if (value.startsWith(prefix)) {
                local.add(value.substring(prefix.length()));
            } else if (value.startsWith("srv:")) {
                service.add(value.substring(4));
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                references(child, prefix, local, service);
            }
        }
    }

    private static void relocate(Document document, String include, String serviceImport) {
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XSD.equals(e.getNamespaceURI())) {
                if ("include".equals(e.getLocalName()) && include != null) {
                    e.setAttribute("schemaLocation", include);
                } else if ("import".equals(e.getLocalName()) && e.getAttribute("namespace").contains("/service/")) {
                    e.setAttribute("schemaLocation", serviceImport);
                }
            }
        }
    }

    private static void collectInitiators(Element e, Set<String> tags) {
        String initiator = e.getAttributeNS("http://www.ogf.org/dfdl/dfdl-1.0/", "initiator");
        if (initiator.length() == 3) {
            tags.add(initiator);
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                collectInitiators(child, tags);
            }
        }
    }

    /** For each segment type ("QTY-Quantity"), the element*1000+component positions typed as numbers. */
    private static Map<String, Set<Integer>> numericPositions(Map<String, Element> types) {
        Map<String, Set<Integer>> result = new HashMap<>();
        types.forEach((name, definition) -> {
            if (!"complexType".equals(definition.getLocalName()) || name.length() < 5 || name.charAt(3) != '-') {
                return;
            }
            Set<Integer> positions = new HashSet<>();
            int element = 0;
            for (Element child : sequenceElements(definition)) {
                element++;
                String type = localType(child.getAttribute("type"));
                Element composite = types.get(type);
                if (composite != null && "complexType".equals(composite.getLocalName())) {
                    int component = 0;
                    for (Element part : sequenceElements(composite)) {
                        int occurs = maxOccurs(part);
                        for (int k = 0; k < occurs; k++) {
                            component++;
                            if (isNumber(localType(part.getAttribute("type")), types)) {
                                positions.add(element * 1000 + component);
                            }
                        }
                    }
                } else if (isNumber(type, types)) {
                    positions.add(element * 1000);
                }
            }
            result.put(name.substring(0, 3), positions);
        });
        return result;
    }

    private static List<Element> sequenceElements(Element complexType) {
        List<Element> elements = new java.util.ArrayList<>();
        for (Node n = complexType.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element sequence && "sequence".equals(sequence.getLocalName())) {
                for (Node m = sequence.getFirstChild(); m != null; m = m.getNextSibling()) {
                    if (m instanceof Element e && "element".equals(e.getLocalName())) {
                        elements.add(e);
                    }
                }
            }
        }
        return elements;
    }

    private static int maxOccurs(Element e) {
        String max = e.getAttribute("maxOccurs");
        return max.isEmpty() || "unbounded".equals(max) ? 1 : Math.max(1, Integer.parseInt(max));
    }

    private static String localType(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }

    private static boolean isNumber(String type, Map<String, Element> types) {
        for (int depth = 0; depth < 10 && type != null; depth++) {
            if (type.equals("decimal") || type.equals("integer") || type.equals("int") || type.equals("long")) {
                return true;
            }
            Element simple = types.get(type);
            if (simple == null) {
                return false;
            }
            String base = null;
            for (Node n = simple.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element restriction && "restriction".equals(restriction.getLocalName())) {
                    base = localType(restriction.getAttribute("base"));
                }
            }
            type = base;
        }
        return false;
    }
}
