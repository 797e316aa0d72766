package io.edihub.x12;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What a partner's implementation guide says of an X12 set, read from the very schema the hub reads or writes it
 * with ({@code x12/<set>.xml}): the segments the hub maps, each element's position, whether it is required, its type
 * and length, and the codes it takes. A segment the hub does not map (all its positions free) is left out: the guide
 * says what matters, and that any other standard segment is accepted in its place.
 */
public final class SetGuide {

    private static final Map<String, SetFacts> FACTS = new ConcurrentHashMap<>();

    private SetGuide() {
    }

    /**
     * One set as the guide shows it.
     *
     * @param releases for a set read per release, the releases the hub holds the structure of; empty for a set the hub
     *                 only writes (in the release of the partner's envelope)
     */
    public record SetFacts(String set, String title, List<String> releases, List<Segment> segments) {
    }

    /** A mapped segment and its elements, by position. */
    public record Segment(String id, List<Element> elements) {
    }

    /**
     * One element position.
     *
     * @param position the reference, {@code BEG02}
     * @param number   the X12 data element number
     * @param type     the X12 base type (identifier, string, decimal, numeric, date, time)
     * @param codes    the codes the hub takes or writes, empty when any value of the type is
     */
    public record Element(String position, String number, boolean required, String type, int minLength, int maxLength,
            List<String> codes) {
    }

    /** The guide's facts of a set; read once. */
    public static SetFacts of(String set) {
        return FACTS.computeIfAbsent(set, SetGuide::read);
    }

    private static SetFacts read(String set) {
        String resource = "/x12/" + set + ".xml";
        try (InputStream in = SetGuide.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema for X12 " + set);
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            Map<String, ElementType> types = new HashMap<>();
            Map<String, List<String[]>> segments = new LinkedHashMap<>();
            String title = set;
            ElementType type = null;
            List<String[]> segment = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.COMMENT && title.equals(set)) {
                    title = title(set, xml.getText());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "elementType" -> {
                            type = new ElementType(xml.getAttributeValue(null, "code"), xml.getAttributeValue(null, "base"),
                                    number(xml.getAttributeValue(null, "minLength"), 1),
                                    number(xml.getAttributeValue(null, "maxLength"), 0), new ArrayList<>());
                            types.put(xml.getAttributeValue(null, "name"), type);
                        }
                        case "value" -> {
                            if (type != null) {
                                type.codes().add(xml.getElementText().strip());
                            }
                        }
                        case "segmentType" -> {
                            segment = new ArrayList<>();
                            segments.put(xml.getAttributeValue(null, "name"), segment);
                        }
                        // a composite or free position of a segment takes its place in the numbering
                        case "composite", "any" -> {
                            if (segment != null) {
                                segment.add(new String[] {"E_ANY", null});
                            }
                        }
                        case "element" -> {
                            if (segment != null) {
                                segment.add(new String[] {xml.getAttributeValue(null, "type"),
                                        xml.getAttributeValue(null, "minOccurs")});
                            }
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "elementType" -> type = null;
                        case "segmentType" -> segment = null;
                        default -> { }
                    }
                }
            }
            List<Segment> mapped = new ArrayList<>();
            segments.forEach((id, positions) -> {
                List<Element> elements = new ArrayList<>();
                for (int i = 0; i < positions.size(); i++) {
                    ElementType t = types.get(positions.get(i)[0]);
                    if (t == null || "ANY".equals(t.code())) {
                        continue;
                    }
                    elements.add(new Element(id + String.format("%02d", i + 1), t.code(),
                            positions.get(i)[1] != null && Integer.parseInt(positions.get(i)[1]) > 0, t.base(),
                            t.minLength(), t.maxLength(), List.copyOf(t.codes())));
                }
                if (!elements.isEmpty()) {
                    mapped.add(new Segment(id, List.copyOf(elements)));
                }
            });
            List<String> releases = ReleaseSchemas.SETS.contains(set) ? ReleaseSchemas.RELEASES : List.of();
            return new SetFacts(set, title, releases, List.copyOf(mapped));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the schema of X12 " + set + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** "X12 850 Purchase Order" from the schema's first comment ("EDI Hub: X12 850 Purchase Order (versions ...)"). */
    private static String title(String set, String comment) {
        String text = comment.strip().replaceFirst("^EDI Hub:\\s*", "");
        int cut = text.indexOf(" (");
        String named = (cut > 0 ? text.substring(0, cut) : text).strip();
        return named.startsWith("X12 " + set) ? named : "X12 " + set;
    }

    private static int number(String value, int otherwise) {
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private record ElementType(String code, String base, int minLength, int maxLength, List<String> codes) {
    }
}
