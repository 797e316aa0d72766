package io.edihub.forms;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An EDIFACT interchange read back with StAEDI's EDIFACT reader (syntax 3 envelope rules: UNB values, UNH/UNT
 * references and segment count, UNZ count), its message checked against the D96A segment table of its type
 * ({@link D96aStructure}) and each segment against the D96A segment directory ({@link D96aSegments}: positions,
 * lengths, numbers, codes): what any of them objects to, and the segments read, each as written ({@code +} between elements,
 * {@code :} between components, no release characters).
 */
record EdifactReadBack(List<String> problems, List<String> segments) {

    static EdifactReadBack read(String text) {
        List<String> problems = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        int interchanges = 0;
        try (EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "ISO-8859-1")) {
            StringBuilder segment = null;
            int element = 0;
            int component = 1;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> interchanges++;
                    case START_SEGMENT -> {
                        segment = new StringBuilder(reader.getText());
                        element = 0;
                    }
                    case END_SEGMENT -> segments.add(segment.toString());
                    case ELEMENT_DATA -> {
                        var location = reader.getLocation();
                        int c = Math.max(1, location.getComponentPosition());
                        if (location.getElementPosition() != element) {
                            segment.append("+".repeat(location.getElementPosition() - element));
                            element = location.getElementPosition();
                            component = 1;
                        }
                        segment.append(":".repeat(c - component));
                        component = c;
                        segment.append(reader.getText());
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(event + " "
                            + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag() + " element "
                            + reader.getLocation().getElementPosition());
                    default -> {
                    }
                }
            }
        } catch (Exception e) {
            problems.add("unreadable: " + e.getMessage());
        }
        if (interchanges != 1) {
            problems.add(interchanges + " interchanges");
        }
        int unh = indexOf(segments, "UNH");
        int unt = indexOf(segments, "UNT");
        if (unh < 0 || unt < unh) {
            problems.add("no UNH ... UNT");
        } else {
            String type = segments.get(unh).split("\\+")[2].split(":")[0];
            problems.addAll(D96aStructure.problems(type, segments.subList(unh + 1, unt).stream()
                    .map(s -> s.substring(0, 3)).toList()));
            segments.subList(unh + 1, unt).forEach(s -> problems.addAll(D96aSegments.problems(s)));
        }
        return new EdifactReadBack(problems, segments);
    }

    /** The segments with this tag, as read. */
    List<String> all(String tag) {
        return segments.stream().filter(s -> s.startsWith(tag + "+") || s.equals(tag)).toList();
    }

    String first(String tag) {
        return all(tag).get(0);
    }

    private static int indexOf(List<String> segments, String tag) {
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).startsWith(tag + "+")) {
                return i;
            }
        }
        return -1;
    }
}
