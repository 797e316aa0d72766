package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * An envelope whose sender address X12 cannot carry back (found by the intake fuzz test: one flipped byte in
 * ISA05; an ISA with a delimiter missing, whose shifted elements do not fit the TA1) is still answered, at the address of the channel's partner profile. Before, writing
 * the answer threw, the intake failed, and the file stayed in inbound/ to fail again on every poll.
 */
class UnanswerableSenderTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    @Test
    void aSenderQualifierThatIsNoX12CodeIsAnsweredAtTheProfilesAddress() throws Exception {
        String sample = Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.ISO_8859_1);
        String text = translate(sample.replaceFirst("\\*ZZ\\*ACMEFED", "*Z\u00a1*ACMEFED"));

        assertThat(text).contains("*ZZ*ACMEFED        *", "TA1*").doesNotContain("\u00a1");
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    @Test
    void anIsaWithADelimiterMissingGetsATa1WhateverItsShiftedElementsHold() throws Exception {
        String sample = Files.readString(Path.of("edi-samples/acme/release-against-blanket.edi"), StandardCharsets.ISO_8859_1);
        String text = translate(sample.replaceFirst("\\*261102\\*0930\\*", "*261102>0930*"));

        assertThat(text).containsPattern("TA1\\*\\d{9}\\*\\d{6}\\*\\d{4}\\*R\\*");
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    @Test
    void aHugeApplicationSenderRejectsTheInterchangeWithATa1ThatDoesNotCopyIt() throws Exception {
        String sample = Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.ISO_8859_1);
        String text = translate(sample.replaceFirst("GS\\*PO\\*ACMEFED\\*", "GS*PO*" + "X".repeat(1_000_000) + "*"));

        assertThat(text).contains("*ZZ*ACMEFED        *", "TA1*").hasSizeLessThan(1_000);
        assertThat(AcknowledgmentValidation.problems(text)).isEmpty();
    }

    private static String translate(String interchange) {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        X12Translator.Translation translation = translator.translate("unanswerable.edi",
                new ByteArrayInputStream(interchange.getBytes(StandardCharsets.ISO_8859_1)), context,
                ControlNumbers.inMemory(), new X12Translator.Listener() {
                });
        assertThat(translation.acknowledgments()).hasSize(1);
        return translation.acknowledgments().get(0).text();
    }
}
