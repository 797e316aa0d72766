package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An interchange in EBCDIC is read as the ASCII text it holds, whatever its records look like. */
class EbcdicInterchangeTest {

    private static final String ISA_004010 = "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         *261102*0930"
            + "*U*00401*000000922*0*P*>~";
    private static final List<String> BODY = List.of("GS*PO*ACMEFED*EDIHUB*20261102*0930*1922*X*004010~",
            "ST*850*0001~", "BEG*00*SA*4500019202**20261102~", "N1*ST*ACME DEPOT 12*92*DEPOT12~", "SE*3*0001~",
            "GE*1*1922~", "IEA*1*000000922~");

    private static String interchange(String isa) {
        return isa + String.join("", BODY);
    }

    private static String decoded(byte[] ebcdic) throws IOException {
        int skip = EbcdicInterchange.leadingNoise(ebcdic);
        assertThat(EbcdicInterchange.startsWithIsa(ebcdic, skip)).isTrue();
        byte[] from = Arrays.copyOfRange(ebcdic, skip, ebcdic.length);
        try (InputStream in = EbcdicInterchange.decoding(new ByteArrayInputStream(from), EbcdicInterchange.layout(from))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theCommittedSampleIsTheBlanketOrderInCp037In80ByteRecordsEndedByNl() throws IOException {
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.write(EbcdicSamples.BLANKET, EbcdicSamples.blanket());
        }
        byte[] sample = Files.readAllBytes(EbcdicSamples.BLANKET);
        assertThat(sample).isEqualTo(EbcdicSamples.blanket());
        assertThat(sample.length % 81).isZero();
        assertThat(sample[80]).isEqualTo(EbcdicSamples.NL);
        assertThat(decoded(sample)).isEqualTo(EbcdicSamples.blanketText());
    }

    @Test
    void fixedRecordsWithoutEndsOrEndedByLfAreJoinedAgain() throws IOException {
        String text = interchange(ISA_004010);
        assertThat(decoded(EbcdicSamples.records(text, EbcdicInterchange.CP037, 80, (byte) 0))).isEqualTo(text);
        assertThat(decoded(EbcdicSamples.records(text, EbcdicInterchange.CP037, 80, (byte) 0x25))).isEqualTo(text);
        // a record boundary falls inside "ACME DEPOT 12": the space before it is data, kept
        assertThat(decoded(EbcdicSamples.records(text, EbcdicInterchange.CP037, text.indexOf("DEPOT 12") + 6, (byte) 0x15)))
                .isEqualTo(text);
    }

    @Test
    void cp500IsChosenWhenASeparatorIsOnlyAnX12CharacterThere() throws IOException {
        // ISA11 '^' (the repetition separator of 00501): 0x5F in cp500, which cp037 reads as '¬'
        String text = interchange(ISA_004010.replace("*U*00401*", "*^*00501*")).replace("ACME DEPOT 12", "ACME [DEPOT] 12!");
        byte[] ebcdic = EbcdicSamples.records(text, EbcdicInterchange.CP500, 80, (byte) 0x15);
        assertThat(EbcdicInterchange.layout(ebcdic).codePage()).isEqualTo("cp500");
        assertThat(decoded(ebcdic)).isEqualTo(text);
        assertThat(EbcdicInterchange.layout(EbcdicSamples.records(interchange(ISA_004010), EbcdicInterchange.CP037, 80,
                (byte) 0x15)).codePage()).isEqualTo("cp037");
    }

    @Test
    void whenTheRecordEndTerminatesSegmentsEachRecordIsASegmentWithoutItsPadding() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder expected = new StringBuilder();
        for (String segment : interchange(ISA_004010).split("~")) {
            out.writeBytes((segment + "     ").getBytes(EbcdicInterchange.CP037));
            out.write(0x15);
            expected.append(segment).append('\n');
        }
        assertThat(decoded(out.toByteArray())).isEqualTo(expected.toString());
        assertThat(EbcdicInterchange.layout(out.toByteArray()).recordEndTerminates()).isTrue();
    }

    @Test
    void theReaderTakesTheEbcdicInterchangeLikeItsAsciiText() {
        String text = interchange(ISA_004010);
        FileResult ascii = read(text.getBytes(StandardCharsets.US_ASCII));
        FileResult ebcdic = read(EbcdicSamples.records(text, EbcdicInterchange.CP037, 80, (byte) 0x15));
        assertThat(ebcdic.describeErrors()).isEqualTo(ascii.describeErrors());
        assertThat(ebcdic.interchanges()).hasSize(1);
        assertThat(ebcdic.interchanges().get(0).envelope().controlNumber()).isEqualTo("000000922");
    }

    @Test
    void aDamagedEbcdicHeaderIsReportedAsEbcdicInReadableText() {
        byte[] cut = (("  " + ISA_004010.substring(0, 60)).getBytes(EbcdicInterchange.CP037));
        FileResult result = read(cut);
        assertThat(result.describeErrors()).anyMatch(e -> e.contains("the file looks like EBCDIC (IBM cp037/cp500)"))
                .anyMatch(e -> e.contains("ISA"))
                .allMatch(e -> e.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
    }

    @Test
    void aFileThatIsNoTextOrAnIsaWithAByteThatIsNoUtf8IsNamedNotGarbled() {
        FileResult zip = read(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, (byte) 0x9C, (byte) 0xE3});
        assertThat(zip.describeErrors()).singleElement().asString()
                .contains("bytes that are not text (ASCII or UTF-8): 50 4B 03 04 14 00 06 00 9C E3 in hex");
        // ISA06 with a Latin-1 E-acute (0xC9), which is no UTF-8
        byte[] latin1 = interchange(ISA_004010.replace("ACMEFED        ", "ACM\u00c9FED        "))
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(read(latin1).describeErrors()).anyMatch(e -> e.contains("ISA06 holds the character '\\ufffd'"))
                .allMatch(e -> e.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
    }

    private static FileResult read(byte[] content) {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        OurIdentity us = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
        return new InterchangeReader().read("ebcdic.edi", new ByteArrayInputStream(content),
                new IntakeContext(partners.byId("acme"), partners, us, IntakeContext.DuplicateCheck.inMemory()),
                new InterchangeListener() {
                });
    }
}
