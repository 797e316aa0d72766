package io.edihub.edifact;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CONTRL read back with StAEDI (EDIFACT syntax 3 envelope rules: UNB values, UNH/UNT references and segment
 * count, UNZ count): what StAEDI objects to, and the segments it read.
 */
record Contrl(List<String> problems, List<List<String>> segments) {

    static Contrl read(String text) {
        List<String> problems = new ArrayList<>();
        List<List<String>> segments = new ArrayList<>();
        int interchanges = 0;
        try (EDIStreamReader reader = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), "ISO-8859-1")) {
            List<String> segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> interchanges++;
                    case START_SEGMENT -> {
                        segment = new ArrayList<>();
                        segment.add(reader.getText());
                        segments.add(segment);
                    }
                    case ELEMENT_DATA -> {
                        var location = reader.getLocation();
                        String text1 = reader.getText();
                        if (location.getComponentPosition() > 1) {
                            int last = segment.size() - 1;
                            segment.set(last, segment.get(last) + ":" + text1);
                        } else {
                            segment.add(text1);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> problems.add(event + " "
                            + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag() + " element "
                            + reader.getLocation().getElementPosition());
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | IOException | RuntimeException e) {
            problems.add("unreadable: " + e);
        }
        if (interchanges != 1) {
            problems.add(interchanges + " interchanges");
        }
        return new Contrl(problems, segments);
    }

    /** The first segment with that tag, as "TAG+e1+e2:c2": components joined by ':' (empty ones dropped). */
    String first(String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).findFirst().map(s -> String.join("+", s)).orElse(null);
    }

    List<String> all(String tag) {
        return segments.stream().filter(s -> s.get(0).equals(tag)).map(s -> String.join("+", s)).toList();
    }
}
