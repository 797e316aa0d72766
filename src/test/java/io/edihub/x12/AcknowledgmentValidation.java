package io.edihub.x12;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an acknowledgment the hub wrote (997 / 999 / TA1, 855) back with StAEDI, envelope rules and our 997, 999 and
 * 855 schemas on, and lists everything StAEDI objects to: an empty list means StAEDI accepts it.
 *
 * <p>The ship notices (856), invoices and credit memos (810), credit memos (812), return authorizations (180) and
 * claim denials (824) the hub writes are read the same way, with our schemas of those sets.
 */
public final class AcknowledgmentValidation {

    private static final Schema FA_997 = InterchangeReader.loadSchema("/x12/997.xml");
    private static final Schema IMPLEMENTATION_ACK_999 = InterchangeReader.loadSchema("/x12/999.xml");
    private static final Schema PO_ACK_855 = InterchangeReader.loadSchema("/x12/855.xml");
    private static final Schema SHIP_NOTICE_856 = InterchangeReader.loadSchema("/x12/856.xml");
    private static final Schema INVOICE_810 = InterchangeReader.loadSchema("/x12/810.xml");
    private static final Schema ADJUSTMENT_812 = InterchangeReader.loadSchema("/x12/812.xml");
    private static final Schema RETURN_AUTHORIZATION_180 = InterchangeReader.loadSchema("/x12/180.xml");
    private static final Schema APPLICATION_ADVICE_824 = InterchangeReader.loadSchema("/x12/824.xml");

    private AcknowledgmentValidation() {
    }

    public static List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        int interchanges = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))) {
            String segment = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> interchanges++;
                    case START_SEGMENT -> segment = reader.getText();
                    case ELEMENT_DATA -> {
                        if ("ST".equals(segment) && reader.getLocation().getElementPosition() == 1) {
                            reader.setTransactionSchema(switch (reader.getText()) {
                                case "997" -> FA_997;
                                case "999" -> IMPLEMENTATION_ACK_999;
                                case "855" -> PO_ACK_855;
                                case "856" -> SHIP_NOTICE_856;
                                case "810" -> INVOICE_810;
                                case "812" -> ADJUSTMENT_812;
                                case "180" -> RETURN_AUTHORIZATION_180;
                                case "824" -> APPLICATION_ADVICE_824;
                                default -> null;
                            });
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
            problems.add("unreadable: " + e.getMessage());
        }
        if (interchanges == 0) {
            problems.add("no interchange");
        }
        return problems;
    }

    /** The segments with this tag, in order, as written (elements joined by {@code *}). */
    static List<String> segments(String x12, String tag) {
        return Arrays.stream(x12.split("~\\R?")).filter(s -> s.startsWith(tag + "*")).toList();
    }
}
