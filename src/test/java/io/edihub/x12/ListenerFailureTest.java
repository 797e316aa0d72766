package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the hub's own listener throws while an interchange is read is a technical failure, never a verdict on the
 * input (found by the fuzz suite, seed 5983575704056341359: an 850 in a group of release 005010X231A1 was taken, its
 * 855 could not be written in that release, and the failure was reported as an unreadable interchange whose end then
 * ran twice). And an 855 answers in a release the hub writes.
 */
class ListenerFailureTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));

    @Test
    void aListenersFailurePassesThroughAndTheInterchangeEndsOnce() throws Exception {
        X12Translator translator = new X12Translator(new InterchangeReader(),
                new AcknowledgmentWriter(new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P")), GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P"),
                IntakeContext.DuplicateCheck.inMemory());
        AtomicInteger ends = new AtomicInteger();
        try (InputStream in = Files.newInputStream(Path.of("edi-samples/acme/standalone-no-schedule.edi"))) {
            assertThatThrownBy(() -> translator.translate("po.edi", in, context, ControlNumbers.inMemory(),
                    new X12Translator.Listener() {
                        @Override
                        public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder o) {
                            throw new IllegalStateException("the database went away");
                        }

                        @Override
                        public void endInterchange(InterchangeResult interchange) {
                            ends.incrementAndGet();
                        }
                    })).isInstanceOf(InterchangeListener.Failure.class).hasRootCauseMessage("the database went away");
        }
        assertThat(ends).hasValue(0);
    }

    @Test
    void an855AnswersInTheGroupsReleaseWithoutItsGuideAndWithinWhatTheHubWrites() {
        assertThat(PoAcknowledgment855Writer.releaseFor("004010VICS")).isEqualTo("004010");
        assertThat(PoAcknowledgment855Writer.releaseFor("005010X231A1")).isEqualTo("005010");
        assertThat(PoAcknowledgment855Writer.releaseFor("007030")).isEqualTo("007030");
        assertThat(PoAcknowledgment855Writer.releaseFor("003020")).isEqualTo("004010");
        assertThat(PoAcknowledgment855Writer.releaseFor("009010")).isEqualTo("008050");
        assertThat(PoAcknowledgment855Writer.releaseFor("ABCDEF")).isEqualTo("004010");
        assertThat(PoAcknowledgment855Writer.releaseFor(null)).isEqualTo("004010");
    }
}
