package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The classes of damaged interchange header the intake fuzz suite found with seed 20261207 (issue 17): every one is
 * answered (a TA1 StAEDI takes back, or a readable refusal), and an answer names the interchange control number only
 * as it stands in the input, zeros for none readable. Before, an ISA12 StAEDI would not write back, an ISA09 that is
 * no date, or a file ending right after ISA16 made the reader or the answer throw: the intake failed and the file
 * stayed in inbound/ for ever.
 */
class DamagedEnvelopeTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    private static String sample() throws Exception {
        // ISA*00*...*261102*0930*U*00401*000000102*0*P*>~
        return Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void anIsa12ThatLooksLikeAVersionIsAnsweredInItOrElseIn00401() throws Exception {
        // a flipped last digit: 00409 is no X12 version; StAEDI refuses to write some of the others in an ISA12 too
        for (int digit = 0; digit <= 9; digit++) {
            String version = "0040" + digit;
            X12Translator.Translation t = translate(sample().replaceFirst("\\*U\\*00401\\*", "*U*" + version + "*"));

            assertThat(t.acknowledgments()).as(version).hasSize(1);
            String text = t.acknowledgments().get(0).text();
            assertThat(text).as(version).containsPattern("\\*[U^]\\*(" + version + "|00401)\\*");
            assertThat(AcknowledgmentValidation.problems(text)).as(version).isEmpty();
        }
        String text = translate(sample().replaceFirst("\\*U\\*00401\\*", "*U*00409*")).acknowledgments().get(0).text();
        assertThat(text).contains("*U*00401*");
    }

    @Test
    void anIsa09ThatIsNoDateIsNotCopiedIntoTheTa1() throws Exception {
        // month 13, and an IEA02 that does not repeat the ISA13 so that a TA1 is due
        String damaged = sample().replaceFirst("\\*261102\\*0930\\*", "*261302*0961*").replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*000000999");
        X12Translator.Translation t = translate(damaged);

        String text = t.acknowledgments().get(0).text();
        assertThat(text).containsPattern("TA1\\*" + isa13(damaged) + "\\*\\d{6}\\*\\d{4}\\*R\\*")
                .doesNotContain("261302", "*0961*");
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    @Test
    void aFileThatEndsRightAfterIsa16IsRefusedAsIncomplete() throws Exception {
        String cut = sample().substring(0, 105);
        X12Translator.Translation t = translate(cut);

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.rejected()).isTrue();
        assertThat(interchange.ta1Code()).isEqualTo("023");
        assertThat(interchange.errors().get(0).message()).contains("no segment terminator");
        assertThat(t.acknowledgments().get(0).text()).contains("TA1*" + isa13(cut) + "*");
    }

    @Test
    void aShiftedHeaderNamesNoControlNumberItCannotRead() throws Exception {
        // the first element delimiter replaced by the segment terminator: ISA13 is read as a part of some segment
        String swapped = "ISA~" + sample().substring(4);
        X12Translator.Translation t = translate(swapped);

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.envelope().readableControlNumber()).isEmpty();
        assertThat(t.acknowledgments().get(0).text()).contains("TA1*000000000*");
    }

    @Test
    void anIsa13WithAFlippedByteIsAnsweredAsNoneReadableNotByTheDigitsLeft() throws Exception {
        String flipped = sample().replaceFirst("\\*000000102\\*", "*000\u00b000102*");
        X12Translator.Translation t = translate(flipped);

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.rejected()).isTrue();
        assertThat(interchange.envelope().readableControlNumber()).isEmpty();
        String text = t.acknowledgments().get(0).text();
        assertThat(text).contains("TA1*000000000*").doesNotContain("00000102*");
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    @Test
    void aSoundIsa13IsNamedAsItStands() throws Exception {
        X12Translator.Translation t = translate(sample().replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*000000999"));

        assertThat(t.result().interchanges().get(0).envelope().readableControlNumber()).isEqualTo("000000102");
        assertThat(t.acknowledgments().get(0).text()).contains("TA1*000000102*261102*0930*R*001~");
    }

    @Test
    void translateAnswersASenderWithNoProfileWhoseQualifierIsNoX12Code() throws Exception {
        String damaged = sample().replaceFirst("\\*ZZ\\*ACMEFED", "*Z\u00a1*ACMEFED");
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        // no channel: the sender is looked up by its address as sent, which no profile has
        IntakeContext context = new IntakeContext(java.util.Optional.empty(), PARTNERS, US,
                IntakeContext.DuplicateCheck.inMemory());
        X12Translator.Translation t = translator.translate("damaged.edi",
                new ByteArrayInputStream(damaged.getBytes(StandardCharsets.ISO_8859_1)), context, ControlNumbers.inMemory(),
                new X12Translator.Listener() {
                });

        String text = t.acknowledgments().get(0).text();
        assertThat(text).contains("TA1*000000102*").doesNotContain("\u00a1");
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    private static String isa13(String interchange) {
        return interchange.substring(90, 99);
    }

    private static X12Translator.Translation translate(String interchange) {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        return translator.translate("damaged.edi", new ByteArrayInputStream(interchange.getBytes(StandardCharsets.ISO_8859_1)),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                });
    }
}
