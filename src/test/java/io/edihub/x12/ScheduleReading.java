package io.edihub.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads one 830 or 862 the way the intake will once it takes them: StAEDI with the set's schema of the group's release
 * (GS08), each segment of the set handed to the mapper with its position (ST = 1), then the mapper's build after SE.
 * What StAEDI itself finds wrong is kept apart, so a test can say the sample is clean before judging the mapping.
 */
final class ScheduleReading<T> {

    private static final ReleaseSchemas SCHEMAS = new ReleaseSchemas();

    /** A mapper of a schedule set, as the reader sees it. */
    interface Mapper<T> {
        void segment(String tag, int position, String[] v, int count, TransactionResult tx);

        T build(TransactionResult tx);
    }

    final List<String> structureProblems = new ArrayList<>();
    final TransactionResult transaction;
    final T schedule;

    ScheduleReading(String x12, Function<String, Mapper<T>> mapperForControlNumber) {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        TransactionResult tx = null;
        Mapper<T> mapper = null;
        T built = null;
        String version = null;
        String tag = null;
        int position = 0;
        String[] values = new String[100];
        int count = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_TRANSACTION -> position = 0;
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        position++;
                        values = new String[100];
                        count = 0;
                    }
                    case ELEMENT_DATA -> {
                        int element = reader.getLocation().getElementPosition();
                        int component = reader.getLocation().getComponentPosition();
                        String text = reader.getText();
                        if ("GS".equals(tag) && element == 8) {
                            version = text;
                        }
                        if ("ST".equals(tag) && element == 1) {
                            reader.setTransactionSchema(SCHEMAS.scheduleSchema(text, ReleaseSchemas.release(version)));
                        }
                        if (element < values.length && component <= 1 && values[element] == null) {
                            values[element] = text.isEmpty() ? null : text;
                            count = Math.max(count, element);
                        }
                    }
                    case END_SEGMENT -> {
                        if ("ST".equals(tag)) {
                            tx = new TransactionResult(values[1], values[2], values[3]);
                            mapper = mapperForControlNumber.apply(values[2]);
                        } else if ("SE".equals(tag)) {
                            built = mapper.build(tx);
                            mapper = null;
                        } else if (mapper != null) {
                            mapper.segment(tag, position, values, count, tx);
                        }
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> structureProblems.add(event + " "
                            + reader.getErrorType() + " at " + reader.getLocation().getSegmentTag() + " element "
                            + reader.getLocation().getElementPosition());
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            structureProblems.add("unreadable: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.transaction = tx;
        this.schedule = built;
    }

    /** The set's errors as segment:position:element:code. */
    List<String> errors() {
        return transaction.errors().stream().map(e -> e.segment() + ":" + e.position() + ":" + e.element() + ":" + e.code())
                .toList();
    }

    /** The AK3 / AK4 pairs the set's 997 would carry: {@code AK3*FST*12**8 / AK4*4*373*8*20261215}. */
    List<String> ak3ak4() {
        List<String> out = new ArrayList<>();
        for (SegmentError s : transaction.segmentErrors) {
            for (SegmentError.ElementError e : s.elements) {
                out.add("AK3*" + s.segmentId + "*" + s.position + "**" + s.syntaxCode + " / AK4*" + e.position() + "*"
                        + e.reference() + "*" + e.code() + (e.badValue() == null ? "" : "*" + e.badValue()));
            }
        }
        return out;
    }
}
