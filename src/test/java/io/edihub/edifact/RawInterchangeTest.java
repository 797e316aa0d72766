package io.edihub.edifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain tokenizer the envelope checks and the Smooks error mapping rely on. */
class RawInterchangeTest {

    @Test
    void cutsSegmentsElementsAndComponentsAndUndoesReleaseCharacters() {
        byte[] bytes = "UNA:+.? '\r\nUNB+UNOC:3+A:ZZZ+B+261102:0930+7'\nIMD+F++:::A?+B?:C??D?''\nUNZ+0+7'"
                .getBytes(StandardCharsets.US_ASCII);

        RawInterchange raw = RawInterchange.scan(bytes, StandardCharsets.UTF_8);

        assertThat(raw.serviceStringAdvice).isTrue();
        assertThat(raw.segments).extracting(RawInterchange.Segment::tag).containsExactly("UNB", "IMD", "UNZ");
        assertThat(raw.segments.get(0).value(1, 1)).isEqualTo("UNOC");
        assertThat(raw.segments.get(0).value(2, 2)).isEqualTo("ZZZ");
        assertThat(raw.segments.get(1).elements().get(3)).isEqualTo(List.of("", "", "", "A+B:C?D'"));
        assertThat(raw.segments.get(1).value(2, 1)).isNull();
        assertThat(raw.segments).allSatisfy(s -> assertThat(s.terminated()).isTrue());
    }

    @Test
    void readsTheSeparatorsTheUnaNames() {
        byte[] bytes = "UNA*|,! ~UNB|UNOC*3|A|B|261102*0930|8~UNZ|0|8~".getBytes(StandardCharsets.US_ASCII);

        RawInterchange raw = RawInterchange.scan(bytes, StandardCharsets.UTF_8);

        assertThat(raw.decimalMark).isEqualTo(',');
        assertThat(raw.segments.get(0).value(1, 2)).isEqualTo("3");
        assertThat(raw.segments.get(0).value(5, 1)).isEqualTo("8");
    }

    @Test
    void mapsAByteOffsetToItsSegmentAndMarksACutOffEnd() {
        byte[] bytes = "UNB+UNOC:3+A+B+261102:0930+9'UNH+1+ORDERS:D:96A:UN'BGM+220+4".getBytes(StandardCharsets.US_ASCII);

        RawInterchange raw = RawInterchange.scan(bytes, StandardCharsets.UTF_8);

        assertThat(raw.segmentAt(0).tag()).isEqualTo("UNB");
        assertThat(raw.segmentAt(30).tag()).isEqualTo("UNH");
        assertThat(raw.segmentAt(10_000).tag()).isEqualTo("BGM");
        assertThat(raw.segmentAt(10_000).terminated()).isFalse();
    }

    @Test
    void tellsTheCharacterSetFromTheSyntaxIdentifier() {
        assertThat(RawInterchange.sniffSyntaxId("UNA:+.? 'UNB+UNOC:3+X".getBytes(StandardCharsets.US_ASCII))).isEqualTo("UNOC");
        assertThat(RawInterchange.charsetOf("UNOC")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(RawInterchange.charsetOf("UNOY")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(RawInterchange.sniffSyntaxId("hello".getBytes(StandardCharsets.US_ASCII))).isNull();
    }
}
