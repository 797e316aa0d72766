package io.edihub.x12;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.Adjustment;
import io.edihub.canonical.OrderChange;
import io.edihub.canonical.PlannedOrder;
import io.edihub.canonical.Remittance;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a file and answers each of its interchanges: the one code path shared by the SFTP intake and
 * the translate command. The caller's listener sees every order, change, acceptance, adjustment, remittance and received 997 and,
 * at the end of each interchange, the acknowledgment that answers it.
 */
public final class X12Translator {

    private final InterchangeReader reader;
    private final AcknowledgmentWriter acknowledgments;
    private final Clock clock;

    public X12Translator(InterchangeReader reader, AcknowledgmentWriter acknowledgments, Clock clock) {
        this.reader = reader;
        this.acknowledgments = acknowledgments;
        this.clock = clock;
    }

    /** Receives the orders of a file and the acknowledgments that answer it. */
    public interface Listener extends InterchangeListener {

        /** Called after {@link #endInterchange} with the answer to that interchange, if one is due. */
        default void acknowledgment(InterchangeResult interchange, AcknowledgmentWriter.Acknowledgment acknowledgment) {
        }
    }

    public Translation translate(String fileName, InputStream input, IntakeContext context, ControlNumbers numbers,
            Listener listener) {
        List<AcknowledgmentWriter.Acknowledgment> acks = new ArrayList<>();
        Map<TransactionResult, OrderChange> changes = new IdentityHashMap<>();
        Map<TransactionResult, List<Acceptance>> acceptances = new IdentityHashMap<>();
        Map<TransactionResult, List<Adjustment>> adjustments = new IdentityHashMap<>();
        Map<TransactionResult, List<Remittance>> remittances = new IdentityHashMap<>();
        Map<TransactionResult, ReceivedFunctionalAck> functionalAcks = new IdentityHashMap<>();
        FileResult result = reader.read(fileName, input, context, new InterchangeListener() {
            @Override
            public void startInterchange(InterchangeResult interchange) {
                guarded(() -> listener.startInterchange(interchange));
            }

            @Override
            public void startGroup(InterchangeResult interchange, GroupResult group) {
                guarded(() -> listener.startGroup(interchange, group));
            }

            @Override
            public void change(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    OrderChange change) {
                guarded(() -> listener.change(interchange, group, transaction, change));
                if (change != null) {
                    changes.put(transaction, change);
                }
            }

            @Override
            public void acceptances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    List<Acceptance> read) {
                guarded(() -> listener.acceptances(interchange, group, transaction, read));
                if (!read.isEmpty()) {
                    acceptances.put(transaction, read);
                }
            }

            @Override
            public void adjustments(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    List<Adjustment> read) {
                guarded(() -> listener.adjustments(interchange, group, transaction, read));
                if (!read.isEmpty()) {
                    adjustments.put(transaction, read);
                }
            }

            @Override
            public void remittances(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    List<Remittance> read) {
                guarded(() -> listener.remittances(interchange, group, transaction, read));
                if (!read.isEmpty()) {
                    remittances.put(transaction, read);
                }
            }

            @Override
            public void functionalAck(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    ReceivedFunctionalAck ack) {
                guarded(() -> listener.functionalAck(interchange, group, transaction, ack));
                if (ack != null) {
                    functionalAcks.put(transaction, ack);
                }
            }

            @Override
            public void transaction(InterchangeResult interchange, GroupResult group, TransactionResult transaction,
                    PlannedOrder order) {
                guarded(() -> listener.transaction(interchange, group, transaction, order));
            }

            @Override
            public void endGroup(InterchangeResult interchange, GroupResult group) {
                guarded(() -> listener.endGroup(interchange, group));
            }

            @Override
            public void endInterchange(InterchangeResult interchange) {
                guarded(() -> listener.endInterchange(interchange));
                Optional<AcknowledgmentWriter.Acknowledgment> ack = acknowledgments.write(interchange, numbers,
                        ZonedDateTime.now(clock));
                ack.ifPresent(a -> {
                    acks.add(a);
                    guarded(() -> listener.acknowledgment(interchange, a));
                });
            }
        });
        return new Translation(result, acks, changes, acceptances, adjustments, remittances, functionalAcks);
    }

    /** Runs a listener's callback; what it throws is a technical failure, never a verdict on the file. */
    private static void guarded(Runnable callback) {
        try {
            callback.run();
        } catch (InterchangeListener.Failure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InterchangeListener.Failure(e);
        }
    }

    /**
     * A file's verdict and the acknowledgments answering it, in interchange order, and the order changes,
     * acceptances, credit/debit adjustments, remittances and received 997s read (by their set; only the sets whose document was
     * built). They are
     * kept, unlike orders, so that {@link TranslationJson} shows them whatever listener the caller passed;
     * they are small: no releases.
     */
    public record Translation(FileResult result, List<AcknowledgmentWriter.Acknowledgment> acknowledgments,
            Map<TransactionResult, OrderChange> changes, Map<TransactionResult, List<Acceptance>> acceptances,
            Map<TransactionResult, List<Adjustment>> adjustments, Map<TransactionResult, List<Remittance>> remittances,
            Map<TransactionResult, ReceivedFunctionalAck> functionalAcks) {

        public Translation {
            acknowledgments = List.copyOf(acknowledgments);
            changes = Collections.unmodifiableMap(new IdentityHashMap<>(changes));
            acceptances = Collections.unmodifiableMap(new IdentityHashMap<>(acceptances));
            adjustments = Collections.unmodifiableMap(new IdentityHashMap<>(adjustments));
            remittances = Collections.unmodifiableMap(new IdentityHashMap<>(remittances));
            functionalAcks = Collections.unmodifiableMap(new IdentityHashMap<>(functionalAcks));
        }

        /** The change read from a set, if it was built (the set may still have been rejected after). */
        public OrderChange change(TransactionResult transaction) {
            return changes.get(transaction);
        }

        /**
         * The acceptances read from an 861 set, if they were built (the set may still have been rejected
         * after, by the listener); empty otherwise.
         */
        public List<Acceptance> acceptances(TransactionResult transaction) {
            return acceptances.getOrDefault(transaction, List.of());
        }

        /**
         * The adjustment read from an 812 set (a list of one), if it was built (the set may still have been
         * rejected after, by the listener); empty otherwise.
         */
        public List<Adjustment> adjustments(TransactionResult transaction) {
            return adjustments.getOrDefault(transaction, List.of());
        }

        /**
         * The remittance read from an 820 set (a list of one), if it was built (the set may still have been rejected
         * after, by the listener); empty otherwise.
         */
        public List<Remittance> remittances(TransactionResult transaction) {
            return remittances.getOrDefault(transaction, List.of());
        }

        /** The 997 read from a set, if it could be read. */
        public ReceivedFunctionalAck functionalAck(TransactionResult transaction) {
            return functionalAcks.get(transaction);
        }
    }
}
