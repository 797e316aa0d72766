package io.edihub.edifact;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML Smooks makes of an interchange (the D96A DFDL infoset: {@code <BGM><C002><E1001>220</E1001>
 * </C002>...}) back into segments, message by message, with the JDK's StAX parser (no DTDs, no external
 * entities). Each segment knows its position in its message (UNH is 1, as UNT counts and a CONTRL reports)
 * and the segment group it sits in, named by the group's first segment.
 */
final class InterchangeXml {

    private static final XMLInputFactory FACTORY = factory();

    /** A data element: simple ({@code value}) or composite ({@code components}). */
    record Field(String name, String value, List<Field> components) {
    }

    /**
     * One segment.
     *
     * @param position    its position in its message (UNH = 1)
     * @param group       the first segment's tag of the group it is in (itself when it opens one), null at
     *                    message level
     * @param parentGroup the same for the group around that group
     */
    record Segment(String tag, int position, String group, String parentGroup, List<Field> fields) {

        /** The value of a simple data element ({@code E1004}). */
        String get(String element) {
            for (Field f : fields) {
                if (f.name().equals(element)) {
                    return f.value();
                }
            }
            return null;
        }

        /** The value of a component of the first composite of that name ({@code C186}, {@code E6060}). */
        String get(String composite, String component) {
            for (Field f : fields) {
                if (f.name().equals(composite)) {
                    return component(f, component);
                }
            }
            return null;
        }

        /** Every value of a component that repeats inside the first such composite ({@code C059/E3042}). */
        List<String> all(String composite, String component) {
            List<String> values = new ArrayList<>();
            for (Field f : fields) {
                if (f.name().equals(composite)) {
                    for (Field c : f.components()) {
                        if (c.name().equals(component) && c.value() != null) {
                            values.add(c.value());
                        }
                    }
                    break;
                }
            }
            return values;
        }

        /** Every occurrence of a composite ({@code PIA} has up to five {@code C212}). */
        List<Field> composites(String composite) {
            return fields.stream().filter(f -> f.name().equals(composite)).toList();
        }

        static String component(Field composite, String component) {
            for (Field c : composite.components()) {
                if (c.name().equals(component)) {
                    return c.value();
                }
            }
            return null;
        }
    }

    /** Receives each message, UNH to UNT (the envelope segments outside messages are not handed on). */
    interface Handler {

        void message(List<Segment> segments);
    }

    private InterchangeXml() {
    }

    static void read(String xml, Handler handler) throws XMLStreamException {
        XMLStreamReader r = FACTORY.createXMLStreamReader(new StringReader(xml));
        try {
            new Walk(r, handler).run();
        } finally {
            r.close();
        }
    }

    private static final class Walk {

        private final XMLStreamReader r;
        private final Handler handler;
        private final Deque<String[]> groups = new ArrayDeque<>();
        private List<Segment> message;

        Walk(XMLStreamReader r, Handler handler) {
            this.r = r;
            this.handler = handler;
        }

        void run() throws XMLStreamException {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    if (r.getEventType() == XMLStreamConstants.END_ELEMENT) {
                        String name = r.getLocalName();
                        if (name.startsWith("SegGrp")) {
                            groups.pop();
                        } else if (name.equals("Message") && message != null) {
                            handler.message(message);
                            message = null;
                        }
                    }
                    continue;
                }
                String name = r.getLocalName();
                if (name.startsWith("SegGrp")) {
                    groups.push(new String[1]);
                } else if (name.equals("Message")) {
                    message = new ArrayList<>();
                    groups.clear();
                } else if (isSegment(name)) {
                    segment(name);
                }
            }
        }

        private void segment(String tag) throws XMLStreamException {
            List<Field> fields = readFields();
            String group = null;
            String parent = null;
            if (!groups.isEmpty()) {
                var it = groups.iterator();
                String[] top = it.next();
                if (top[0] == null) {
                    top[0] = tag;
                }
                group = top[0];
                parent = it.hasNext() ? it.next()[0] : null;
            }
            // UNA, UNB, UNG, UNE and UNZ sit outside messages: the reader checks the envelope on the plain segments
            if (message != null) {
                message.add(new Segment(tag, message.size() + 1, group, parent, fields));
            }
        }

        /** The segment's children, up to its end tag. */
        private List<Field> readFields() throws XMLStreamException {
            List<Field> fields = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                fields.add(readField());
            }
            return fields;
        }

        private Field readField() throws XMLStreamException {
            String name = r.getLocalName();
            StringBuilder text = new StringBuilder();
            List<Field> components = null;
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (components == null) {
                        components = new ArrayList<>();
                    }
                    components.add(readField());
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
            }
            return components == null ? new Field(name, text.toString(), List.of()) : new Field(name, null, components);
        }
    }

    /** A segment element is named by its three-letter tag (BGM, QTY, UNT); groups, composites and elements are not. */
    private static boolean isSegment(String name) {
        return name.length() == 3 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))
                && Character.isUpperCase(name.charAt(2));
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}
