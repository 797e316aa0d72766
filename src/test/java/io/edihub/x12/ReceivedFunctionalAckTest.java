package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The 997s partners send about our 855 / 856 / 810 groups: read into {@link ReceivedFunctionalAck}, handed to
 * the listener, and never answered with a 997 of ours (X12: acknowledgments are not acknowledged).
 */
class ReceivedFunctionalAckTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final Path RECEIVED = Path.of("edi-samples/acme/acknowledgments-received");

    @Test
    void anAcceptanceOfOur855IsReadAndNotAnswered() throws IOException {
        Read r = read(RECEIVED.resolve("accepted-855.997.edi"), PARTNERS.byId("acme"));

        ReceivedFunctionalAck ack = r.onlyAck();
        assertThat(ack.functionalId()).isEqualTo("PR");
        assertThat(ack.groupControlNumber()).isEqualTo("1");
        assertThat(ack.groupStatus()).isEqualTo("A");
        assertThat(ack.sets()).containsExactly(new ReceivedFunctionalAck.SetAck("855", "0001", "A"));
        assertThat(ack.errors()).isEmpty();
        assertThat(ack.accepted()).isTrue();
        assertThat(r.translation.acknowledgments()).isEmpty();
        assertThat(r.translation.result().fullyAccepted()).isTrue();
    }

    @Test
    void aRejectionOfOur810SaysWhyInWords() throws IOException {
        Read r = read(RECEIVED.resolve("rejected-810.997.edi"), PARTNERS.byId("acme"));

        ReceivedFunctionalAck ack = r.onlyAck();
        assertThat(ack.functionalId()).isEqualTo("IN");
        // AK102 is numeric: 000000007 names our group 7, as our GS06 was written
        assertThat(ack.groupControlNumber()).isEqualTo("7");
        assertThat(ack.groupStatus()).isEqualTo("R");
        assertThat(ack.sets()).containsExactly(new ReceivedFunctionalAck.SetAck("810", "0001", "R"));
        assertThat(ack.accepted()).isFalse();
        assertThat(ack.errors()).containsExactly(
                "810 0001: segment REF at position 4: segment has data element errors (AK304 8)",
                "810 0001: element REF02 (data element 127): mandatory data element missing (AK403 1)",
                "810 0001: segment IT1 at position 7: segment has data element errors (AK304 8)",
                "810 0001: element IT103 (data element 355) 'XX': invalid code value (AK403 7)",
                "810 0001: rejected: one or more segments in error (AK502 5)",
                "group IN 7 rejected: 1 set(s) included, 1 received, 0 accepted");
        assertThat(r.translation.acknowledgments()).isEmpty();
    }

    @Test
    void groupLevelCodesAndPartialAcceptanceAreReported() {
        Read r = read(interchange("0", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*004010", "997",
                "AK1*SH*12", "AK2*856*0001", "AK5*A", "AK2*856*0002", "AK5*R*3", "AK9*P*3*2*1*5"));

        ReceivedFunctionalAck ack = r.onlyAck();
        assertThat(ack.sets()).extracting(ReceivedFunctionalAck.SetAck::status).containsExactly("A", "R");
        assertThat(ack.errors()).containsExactly(
                "856 0002: rejected: transaction set control number in header and trailer do not match (AK502 3)",
                "group SH 12 partially accepted: 3 set(s) included, 2 received, 1 accepted; number of included "
                        + "transaction sets does not match actual count (AK905 5)");
    }

    @Test
    void codesThat005010RedefinedAreReadByTheGroupsVersion() {
        Read v4010 = read(interchange("0", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*004010", "997",
                "AK1*SH*12", "AK2*856*0001", "AK5*R*19", "AK9*R*1*1*0"));
        assertThat(v4010.onlyAck().errors()).contains("856 0001: rejected: security or other error (AK502 19)");

        Read v5010 = read(interchange("0", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*005010", "997",
                "AK1*SH*12*005010", "AK2*856*0001", "AK5*R*19", "AK9*R*1*1*0"));
        assertThat(v5010.onlyAck().errors()).contains(
                "856 0001: rejected: invalid transaction set implementation convention reference (AK502 19)");
    }

    @Test
    void aGroupRejectedForItsApplicationSenderIsReadIn005010() {
        Read r = read(interchange("0", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*005010", "997",
                "AK1*SH*12*005010", "AK2*856*0001", "AK5*A", "AK9*R*1*1*0*7"));
        assertThat(r.onlyAck().errors()).containsExactly("group SH 12 rejected: 1 set(s) included, 1 received, "
                + "0 accepted; invalid application sender's code (AK905 7)");
    }

    @Test
    void aTa1IsStillSentWhenRequestedButNo997() {
        Read r = read(interchange("1", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*004010", "997",
                "AK1*PR*1", "AK2*855*0001", "AK5*A", "AK9*A*1*1*1"));

        assertThat(r.translation.acknowledgments()).singleElement().satisfies(a -> {
            assertThat(a.hasTa1()).isTrue();
            assertThat(a.hasFunctionalAcks()).isFalse();
            assertThat(a.text()).contains("TA1*000000902*", "*A*000~", "IEA*0*").doesNotContain("GS*", "AK1*");
            assertThat(AcknowledgmentValidation.problems(a.text())).isEmpty();
        });
    }

    @Test
    void onlyTheOtherGroupsOfAnInterchangeAreAcknowledged() {
        String x12 = "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270205*0815*U*00401*000000903*0*P*>~\n"
                + "GS*FA*ACMEFED*EDIHUB*20270205*0815*6003*X*004010~\nST*997*0001~\nAK1*IN*7~\nAK2*810*0001~\nAK5*A~\n"
                + "AK9*A*1*1*1~\nSE*6*0001~\nGE*1*6003~\n"
                + "GS*RC*ACMEFED*EDIHUB*20270205*0815*6004*X*004010~\nST*861*0001~\nBRA*RA-2027-0100*20270205*00*8~\n"
                + "DTM*050*20270204~\nPRF*4500012345*4500012345-01~\nRCD*1*100*EA~\nLIN*1*BP*ACM-77812~\nSE*7*0001~\n"
                + "GE*1*6004~\nIEA*2*000000903~\n";
        Read r = read(x12);

        assertThat(r.events).containsExactly("functionalAck 0001", "transaction 0001", "transaction 0001");
        assertThat(r.translation.acknowledgments()).singleElement().satisfies(a -> {
            assertThat(a.hasFunctionalAcks()).isTrue();
            assertThat(a.text()).contains("AK1*RC*6004~", "AK2*861*0001~", "AK5*A~", "GE*1*1~", "IEA*1*")
                    .doesNotContain("AK1*FA", "AK2*997");
            assertThat(AcknowledgmentValidation.problems(a.text())).isEmpty();
        });
    }

    @Test
    void aBroken997IsRefusedButStillNotAnswered() {
        Read r = read(interchange("0", "GS*FA*ACMEFED*EDIHUB*20270205*0815*6002*X*004010", "997",
                "AK1*IN*7", "AK2*810*0001", "AK5*R*5"));

        TransactionResult set = r.translation.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(set.errors()).extracting(X12Error::segment).contains("AK9");
        assertThat(r.acks).containsExactly((ReceivedFunctionalAck) null);
        assertThat(r.translation.acknowledgments()).isEmpty();
        assertThat(r.translation.result().fullyAccepted()).isFalse();
        assertThat(r.translation.result().describeErrors()).isNotEmpty();
    }

    @Test
    void a997OutsideAnFaGroupIsRefusedInThatGroups997() {
        Read r = read(interchange("0", "GS*RC*ACMEFED*EDIHUB*20270205*0815*6002*X*004010", "997",
                "AK1*IN*7", "AK2*810*0001", "AK5*A", "AK9*A*1*1*1"));

        TransactionResult set = r.translation.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.errors()).extracting(X12Error::code).containsExactly("WRONG_FUNCTIONAL_GROUP");
        assertThat(r.acks).containsExactly((ReceivedFunctionalAck) null);
        assertThat(r.translation.acknowledgments().get(0).text()).contains("AK1*RC*6002~", "AK2*997*0001~", "AK5*R*1~");
    }

    @Test
    void a005010RejectionFromAnotherProjectIsRead() throws IOException {
        Path file = Path.of("..", "shared", "corpus", "valid", "997", "staedi_simple997_005010.edi");
        assumeTrue(Files.isRegularFile(file), "../shared/corpus is not beside the project: skipped");
        Read r = read(file, Optional.empty());

        ReceivedFunctionalAck ack = r.onlyAck();
        assertThat(ack.functionalId()).isEqualTo("HC");
        assertThat(ack.groupControlNumber()).isEqualTo("1");
        assertThat(ack.sets()).containsExactly(new ReceivedFunctionalAck.SetAck("837", "0021", "R"));
        assertThat(ack.errors()).contains("837 0021: element NM108 (data element 66) 'MI': invalid code value (AK403 7)");
        assertThat(r.translation.acknowledgments()).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    private static String interchange(String ta1Requested, String gs, String type, String... segments) {
        StringBuilder sb = new StringBuilder();
        sb.append("ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *270205*0815*U*00401*000000902*")
                .append(ta1Requested).append("*P*>~\n");
        sb.append(gs).append("~\nST*").append(type).append("*0001~\n");
        for (String s : segments) {
            sb.append(s).append("~\n");
        }
        String gs06 = gs.split("\\*")[6];
        sb.append("SE*").append(segments.length + 2).append("*0001~\nGE*1*").append(gs06).append("~\nIEA*1*000000902~\n");
        return sb.toString();
    }

    private static Read read(String x12) {
        return new Read(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)), PARTNERS.byId("acme"));
    }

    private static Read read(Path file, Optional<PartnerProfile> channel) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Read(in, channel);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One file read through the translator, with what the listener heard. */
    private static final class Read {

        final List<ReceivedFunctionalAck> acks = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        final X12Translator.Translation translation;

        Read(InputStream in, Optional<PartnerProfile> channel) {
            X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                    GoldenSampleTest.CLOCK);
            IntakeContext context = new IntakeContext(channel, PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
            translation = translator.translate("test.edi", in, context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                @Override
                public void functionalAck(InterchangeResult i, GroupResult g, TransactionResult t, ReceivedFunctionalAck ack) {
                    acks.add(ack);
                    events.add("functionalAck " + t.controlNumber());
                }

                @Override
                public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder order) {
                    events.add("transaction " + t.controlNumber());
                }
            });
        }

        ReceivedFunctionalAck onlyAck() {
            TransactionResult set = translation.result().interchanges().get(0).groups().get(0).transactions().get(0);
            assertThat(set.errors()).as("errors").isEmpty();
            assertThat(acks).hasSize(1).doesNotContainNull();
            assertThat(translation.functionalAck(set)).isSameAs(acks.get(0));
            return acks.get(0);
        }
    }
}
