package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ISA15 against the partner's mode: a test interchange from a test partner is read, checked and answered with a
 * 997 that is a test itself; one of the other kind, a test from a production partner or a production file from a
 * test partner, is refused whole with a TA1 020 (Invalid Test Indicator Value) and the reason in words.
 */
class TestIndicatorTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    @Test
    void aTestInterchangeFromAProductionPartnerIsRefusedWithTa1020() throws IOException {
        X12Translator.Translation t = translate(PARTNERS.byId("acme").orElseThrow(), sample("T"));

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.rejected()).isTrue();
        assertThat(interchange.ta1Code()).isEqualTo("020");
        assertThat(interchange.errors().get(0).message()).contains("ISA15 'T' marks a test interchange",
                "partner 'acme' is in production mode and sends only P");
        assertThat(t.acknowledgments().get(0).text()).contains("*R*020~").containsPattern("\\*0\\*T\\*>~");
        assertThat(AcknowledgmentValidation.problems(t.acknowledgments().get(0).text())).isEmpty();
    }

    @Test
    void aTestPartnersTestInterchangeIsCheckedAndAcknowledgedAsATest() throws IOException {
        X12Translator.Translation t = translate(inTestMode(), sample("T"));

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.rejected()).isFalse();
        assertThat(interchange.test()).isTrue();
        String ack = t.acknowledgments().get(0).text();
        assertThat(ack).contains("AK9*A*1*1*1~").containsPattern("\\*0\\*T\\*>~");
        assertThat(AcknowledgmentValidation.problems(ack)).isEmpty();
    }

    @Test
    void aProductionInterchangeFromATestPartnerIsRefusedWithTa1020() throws IOException {
        X12Translator.Translation t = translate(inTestMode(), sample("P"));

        InterchangeResult interchange = t.result().interchanges().get(0);
        assertThat(interchange.ta1Code()).isEqualTo("020");
        assertThat(interchange.errors().get(0).message()).contains("ISA15 'P' marks a production interchange",
                "partner 'acme' is in test mode and sends only T");
        assertThat(t.acknowledgments().get(0).text()).contains("*R*020~").containsPattern("\\*0\\*P\\*>~");
    }

    private static PartnerProfile inTestMode() {
        PartnerProfile p = PARTNERS.byId("acme").orElseThrow();
        return new PartnerProfile(p.id(), p.name(), p.isaQualifier(), p.isaId(), p.gsId(), p.groupIds(), p.sftpAccount(),
                p.sftpDirectory(), p.ta1(), p.duplicateWindow(), p.releaseExtension(), p.edifactId(), p.functionalAck(),
                p.poAcknowledgment(), p.leadTime(), p.priority(), p.contract(), p.shipNotice(),
                p.implicitAcceptanceAfter(), p.watchdog(), p.sftpServer(), p.claimDocuments(), PartnerProfile.Mode.TEST,
                p.maxFileBytes(), p.uploads(), p.documents());
    }

    private static String sample(String usage) throws IOException {
        return Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.US_ASCII)
                .replace("*000000102*0*P*>~", "*000000102*0*" + usage + "*>~");
    }

    private static X12Translator.Translation translate(PartnerProfile partner, String interchange) {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(java.util.Optional.of(partner), PARTNERS, US,
                IntakeContext.DuplicateCheck.inMemory());
        return translator.translate("test-indicator.edi", new ByteArrayInputStream(interchange.getBytes(
                StandardCharsets.US_ASCII)), context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                });
    }
}
