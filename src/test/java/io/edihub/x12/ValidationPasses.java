package io.edihub.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;

/**
 * What {@code ParseBenchmark} times of the x12 internals, from the test side: the reader with either validation, and
 * the compiled table's walk alone on a bare StAEDI event pass (the counterpart of StAEDI's own schema pass).
 */
public final class ValidationPasses {

    private final ReleaseSchemas schemas = new ReleaseSchemas();
    private final TransactionWalk walk = new TransactionWalk();
    private final Walked loops = new Walked();

    /** The reader validating with StAEDI's schema per set and release (as before the compiled table). */
    public static InterchangeReader staediSchemaReader() {
        return new InterchangeReader(InterchangeReader.Validation.STAEDI_SCHEMA);
    }

    /** The reader walking the compiled table. */
    public static InterchangeReader compiledTableReader() {
        return new InterchangeReader(InterchangeReader.Validation.COMPILED_TABLE);
    }

    /**
     * A StAEDI event pass without a transaction schema, every set walked through its compiled table, every element's
     * text read: the sets read, or an exception when StAEDI reports an error or the walk has any doubt.
     */
    public int compiledPass(EDIInputFactory factory, InputStream in) throws EDIStreamException, IOException {
        int sets = 0;
        boolean body = false;
        String segment = null;
        ReleaseSchemas.Release release = null;
        TransactionTable table = null;
        try (EDIStreamReader r = factory.createEDIStreamReader(in)) {
            while (r.hasNext()) {
                switch (r.next()) {
                    case START_SEGMENT -> {
                        segment = r.getText();
                        if (body) {
                            if ("SE".equals(segment)) {
                                walk.end(loops);
                                body = false;
                            } else {
                                walk.segment(segment, loops);
                            }
                        }
                    }
                    case ELEMENT_DATA -> {
                        String text = r.getText();
                        Location l = r.getLocation();
                        if (body) {
                            walk.element(l.getElementPosition(), l.getComponentPosition(), l.getElementOccurrence(), text);
                        } else if ("GS".equals(segment) && l.getElementPosition() == 8) {
                            release = ReleaseSchemas.release(text);
                        } else if ("ST".equals(segment) && l.getElementPosition() == 1) {
                            table = schemas.table(text, release);
                        }
                    }
                    case END_SEGMENT -> {
                        if (body) {
                            walk.endSegment();
                        } else if ("ST".equals(segment)) {
                            walk.begin(table);
                            body = true;
                        }
                    }
                    case END_TRANSACTION -> {
                        if (walk.doubtful()) {
                            throw new IllegalStateException("the compiled table doubts set " + (sets + 1));
                        }
                        sets++;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                        throw new IllegalStateException("StAEDI reports " + r.getErrorType());
                    default -> {
                    }
                }
            }
        }
        return sets;
    }

    /** The loops as they end and begin: nothing to keep here. */
    private static final class Walked implements TransactionWalk.Loops {

        @Override
        public void loopEnded() {
        }

        @Override
        public void loopStarted(String code) {
        }
    }
}
