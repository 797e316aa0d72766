package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 999 goldens: every sample in {@code edi-samples/<partner>/} with a {@code <name>.999.x12} beside it is read as
 * if a partner whose profile asks for 999s ({@code src/test/resources/partners-999/}) had uploaded it, and the answer
 * must equal that file and be taken by StAEDI with our 999 schema. A group of 005010 or later gets a 999, an earlier
 * one a 997 (the 999 does not exist there).
 *
 * <p>Regenerate with {@code ./mvnw test -Dtest=ImplementationAckGoldenTest -Dedihub.golden.update=true} and review
 * the diff like code.
 */
class ImplementationAckGoldenTest {

    private static final PartnerDirectory PARTNERS_999 = PartnerDirectory.load(Path.of("src/test/resources/partners-999"));

    static Stream<Path> samples() throws IOException {
        return Files.walk(GoldenSampleTest.SAMPLES).filter(p -> p.toString().endsWith(".999.x12"))
                .map(p -> p.resolveSibling(p.getFileName().toString().replace(".999.x12", ".edi"))).sorted();
    }

    @Test
    void thereAreGoldensAndTheirProfileAsksFor999s() throws IOException {
        assertThat(samples()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(PARTNERS_999.byId("acme").orElseThrow().functionalAck()).isEqualTo(PartnerProfile.FunctionalAck.X999);
    }

    @Test
    void aSegmentInsideALoopBegunElsewhereNamesItsLineAndTheLoopsEndWhereTheyEnd() {
        GoldenSampleTest.Translated t = GoldenSampleTest.translate(
                GoldenSampleTest.SAMPLES.resolve("acme/broken/v5010-schedule-invalid-date.edi"), PARTNERS_999, "acme");
        TransactionResult set = t.translation().result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.loopsAround(18)).extracting(l -> l.loopId() + "@" + l.startPosition + "=" + l.startValue)
                .containsExactly("PO1@15=2", "SCH@18=100");
        assertThat(set.loopsAround(14)).extracting(l -> l.loopId() + "@" + l.startPosition + ".." + l.endPosition)
                .containsExactly("PO1@10..14", "SCH@14..14");
        assertThat(set.loopsAround(8)).extracting(TransactionResult.Loop::loopId).containsExactly("N1");
        assertThat(set.loopsAround(19)).as("the summary: CTT begins its own loop, after the lines")
                .extracting(TransactionResult.Loop::loopId).containsExactly("CTT");
        assertThat(set.loopsAround(2)).as("BEG is in no loop").isEmpty();
        assertThat(AcknowledgmentValidation.segments(t.acknowledgments(), "CTX")).containsExactly("CTX*PO101>2*PO1*15*PO1");
    }

    @Test
    void a999StaediRefusesIsNeverSentTheGroupIsAnsweredWithA997() {
        GoldenSampleTest.Translated t = GoldenSampleTest.translate(
                GoldenSampleTest.SAMPLES.resolve("acme/broken/v5010-unknown-segment.edi"), PARTNERS_999, "acme");
        InterchangeResult interchange = t.translation().result().interchanges().get(0);
        // AK502 20 (S1E security end segment missing, a 004010 code) is none of the 999's IK502 codes (element 618)
        interchange.groups().get(0).transactions().get(0).ak5Codes.add("20");
        AcknowledgmentWriter.Acknowledgment answer = new AcknowledgmentWriter(
                new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P")).write(interchange, ControlNumbers.inMemory(),
                GoldenSampleTest.CLOCK.instant().atZone(java.time.ZoneOffset.UTC)).orElseThrow();
        assertThat(answer.implementationAcks()).isFalse();
        assertThat(answer.text()).contains("ST*997*0001~").doesNotContain("ST*999").contains("AK5*R*5*20~");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleIsAnsweredWithItsGolden999(Path sample) throws IOException {
        String partner = GoldenSampleTest.SAMPLES.relativize(sample).getName(0).toString();
        GoldenSampleTest.Translated t = GoldenSampleTest.translate(sample, PARTNERS_999, partner);
        Path golden = sample.resolveSibling(sample.getFileName().toString().replace(".edi", ".999.x12"));
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.writeString(golden, t.acknowledgments());
        }
        assertThat(t.acknowledgments()).isEqualTo(Files.readString(golden));
        List<AcknowledgmentWriter.Acknowledgment> acks = t.translation().acknowledgments();
        for (AcknowledgmentWriter.Acknowledgment a : acks) {
            assertThat(AcknowledgmentValidation.problems(a.text())).as("StAEDI on the answer to %s", sample).isEmpty();
            boolean v5010 = a.text().contains("*X*005010") || a.text().contains("*X*0060") || a.text().contains("*X*0070");
            assertThat(a.implementationAcks()).as("999s for a group of 005010 or later").isEqualTo(
                    a.hasFunctionalAcks() && v5010);
            assertThat(a.text().contains("ST*999*")).isEqualTo(a.implementationAcks());
        }
    }
}
