package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.partner.PartnerDirectory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the reader keeps of a set in error is bounded, whatever the set holds (issue 14): the first 1,000 segments in
 * error (AK3s) and the first 1,000 errors in words, then a count of the rest; the first 99 element errors of a segment
 * (the 997's limit of AK4s in an AK3 loop); the first 99 characters of a bad value (AK404's length). The set is
 * rejected all the same, and the report says how much was left out.
 */
class BoundedVerdictsTest {

    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    @Test
    void aSetOfFiveThousandBadSegmentsIsAnsweredWithTheFirstThousandAndTheCountOfTheRest() throws Exception {
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            bad.append("ZZQ*SOMETHING*").append(i).append('~');
        }
        String interchange = withSegmentCount(sample("unknown-segment.edi").replace("ZZQ*SOMETHING*ELSE~", bad), 16 + 5_000);

        X12Translator.Translation t = translate(interchange);

        TransactionResult set = t.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(set.segmentErrors).hasSize(TransactionResult.MAX_SEGMENT_ERRORS);
        assertThat(set.segmentErrorsLeftOut()).isEqualTo(4_000);
        assertThat(set.errorsLeftOut()).isEqualTo(4_000);
        List<X12Error> errors = set.errors();
        assertThat(errors).hasSize(TransactionResult.MAX_ERRORS + 1);
        assertThat(errors.get(errors.size() - 1).code()).isEqualTo("ERRORS_LEFT_OUT");
        assertThat(errors.get(errors.size() - 1).message()).startsWith("4,000 more errors in this set are not listed");
        assertThat(t.result().describeErrors()).anyMatch(line -> line.contains("[ERRORS_LEFT_OUT]"));

        String ack = t.acknowledgments().get(0).text();
        List<String> ak3 = segments(ack).stream().filter(s -> s.startsWith("AK3*")).toList();
        assertThat(ak3).hasSize(1_000).startsWith("AK3*ZZQ*3**6").endsWith("AK3*ZZQ*1002**6");
        assertThat(segments(ack)).contains("AK5*R*5", "AK9*R*1*1*0");
        assertThat(AcknowledgmentValidation.problems(ack)).isEmpty();
    }

    @Test
    void anElementOfFourThousandCharactersIsAnsweredWithItsFirst99AndNotKeptWhole() throws Exception {
        String interchange = sample("unknown-segment.edi").replace("ZZQ*SOMETHING*ELSE~", "")
                .replace("PID*F****RUGGED TABLET 10 INCH~", "PID*F****" + "X".repeat(4_000) + "~");

        X12Translator.Translation t = translate(withSegmentCount(interchange, 16));

        TransactionResult set = t.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(set.segmentErrors).hasSize(1);
        SegmentError.ElementError element = set.segmentErrors.get(0).elements.get(0);
        assertThat(element.position()).isEqualTo(5);
        assertThat(element.code()).isEqualTo("5");
        assertThat(element.badValue()).hasSize(SegmentError.MAX_BAD_VALUE_CHARS);
        assertThat(set.errors()).allSatisfy(e -> assertThat(e.message()).hasSizeLessThan(1_000));
        String ack = t.acknowledgments().get(0).text();
        assertThat(segments(ack)).contains("AK4*5*352*5*" + "X".repeat(99));
        assertThat(AcknowledgmentValidation.problems(ack)).isEmpty();
    }

    @Test
    void anElementOfAMegabyteMakesTheInterchangeUnreadableAndIsAnsweredWithATa1() throws Exception {
        // StAEDI reads an element into a buffer of 4,096 characters: a longer one is never held, the interchange is
        // refused where it stands
        String interchange = sample("unknown-segment.edi").replace("ZZQ*SOMETHING*ELSE~", "")
                .replace("PID*F****RUGGED TABLET 10 INCH~", "PID*F****" + "X".repeat(1 << 20) + "~");

        X12Translator.Translation t = translate(withSegmentCount(interchange, 16));

        InterchangeResult result = t.result().interchanges().get(0);
        assertThat(result.rejected()).isTrue();
        assertThat(result.ta1Code()).isEqualTo("022");
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("at segment 13 (PID)").hasSizeLessThan(1_000));
        assertThat(t.acknowledgments().get(0).text()).contains("TA1*000000311*261102*0930*R*022~");
    }

    @Test
    void aSegmentOfAThousandExtraElementsIsAnsweredWithAtMost99Ak4s() throws Exception {
        String interchange = sample("unknown-segment.edi").replace("ZZQ*SOMETHING*ELSE~", "")
                .replace("PID*F****RUGGED TABLET 10 INCH~", "PID*F****RUGGED TABLET 10 INCH" + "*EXTRA".repeat(1_000) + "~");

        X12Translator.Translation t = translate(withSegmentCount(interchange, 16));

        TransactionResult set = t.result().interchanges().get(0).groups().get(0).transactions().get(0);
        assertThat(set.status()).isEqualTo(TransactionResult.Status.REJECTED);
        assertThat(set.segmentErrors).hasSize(1);
        assertThat(set.segmentErrors.get(0).elements).hasSizeLessThanOrEqualTo(SegmentError.MAX_ELEMENT_ERRORS);
        assertThat(segments(t.acknowledgments().get(0).text()).stream().filter(s -> s.startsWith("AK4*")).count())
                .isBetween(1L, 99L);
        assertThat(AcknowledgmentValidation.problems(t.acknowledgments().get(0).text())).isEmpty();
    }

    private static String sample(String name) throws Exception {
        return Files.readString(Path.of("edi-samples/acme/broken", name), StandardCharsets.ISO_8859_1);
    }

    private static String withSegmentCount(String interchange, int count) {
        return interchange.replaceFirst("SE\\*\\d+\\*0001~", "SE*" + count + "*0001~");
    }

    private static List<String> segments(String x12) {
        return Arrays.stream(x12.split("~\\R?")).toList();
    }

    private static X12Translator.Translation translate(String interchange) {
        X12Translator translator = new X12Translator(new InterchangeReader(), new AcknowledgmentWriter(US),
                GoldenSampleTest.CLOCK);
        IntakeContext context = new IntakeContext(PARTNERS.byId("acme"), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        return translator.translate("bounded.edi", new ByteArrayInputStream(interchange.getBytes(StandardCharsets.ISO_8859_1)),
                context, ControlNumbers.inMemory(), new X12Translator.Listener() {
                });
    }
}
