package io.edihub.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MutatorTest {

    private static final Path SAMPLES = Path.of("edi-samples");

    @Test
    void anInputIsTheSameBytesWhenMadeAgainFromItsSeedAndIndexAlone() throws Exception {
        List<Mutator.Sample> samples = Mutator.x12Samples(SAMPLES);
        Mutator first = new Mutator(7, samples, 1000);
        for (int i = 0; i < 10; i++) {
            first.input(i);
        }
        Mutator.Input late = first.input(10);
        Mutator.Input again = new Mutator(7, samples, 1000).input(10);

        assertThat(again.name()).isEqualTo(late.name()).startsWith("s7-00010-");
        assertThat(again.content()).isEqualTo(late.content());
        assertThat(new Mutator(8, samples, 1000).input(10).content()).isNotEqualTo(late.content());
    }

    @Test
    void theKindsTakeTurnsAndEachIsNamedInTheInput() throws Exception {
        Mutator mutator = new Mutator(1, Mutator.x12Samples(SAMPLES), 1000);
        Set<Mutator.Kind> seen = EnumSet.noneOf(Mutator.Kind.class);
        for (int i = 0; i < Mutator.Kind.values().length; i++) {
            Mutator.Input input = mutator.input(i);
            seen.add(input.kind());
            assertThat(input.name()).contains("-" + input.kind().label() + "-").endsWith(".edi");
        }
        assertThat(seen).containsExactlyInAnyOrder(Mutator.Kind.values());
    }

    @Test
    void everyInterchangeGetsItsOwnControlNumberInTheHeaderAndTheTrailer() throws Exception {
        String sample = new String(java.nio.file.Files.readAllBytes(SAMPLES.resolve("acme/several-interchanges-one-file.edi")),
                StandardCharsets.ISO_8859_1);
        List<String> assigned = new ArrayList<>();
        String renumbered = Mutator.renumber(sample, 42, assigned);

        assertThat(assigned).containsExactly("100000420", "100000421");
        assertThat(renumbered).contains("*100000420*0*P*>~", "IEA*1*100000420~", "*100000421*0*P*>~", "IEA*1*100000421~")
                .hasSameSizeAs(sample);
    }

    @Test
    void theRegressionInputsOfTheFuzzSuiteAreStillTheOnesThatFoundItsBugs() throws Exception {
        // made from the samples they were found with (src/test/resources/fuzz/samples-20261123.txt), so that samples
        // added since do not change them
        Mutator mutator = new Mutator(20261123L, Mutator.x12SamplesOf(20261123L, SAMPLES), 1_000_000);
        assertThat(IntakeFuzzIT.REGRESSIONS.get(20261123L)).containsExactly(84, 357, 387, 422);
        // ISA05 (bytes 32-33), the sender's qualifier, flipped to a code X12 does not have
        assertThat(mutator.input(84).kind()).isEqualTo(Mutator.Kind.BYTE_FLIP);
        assertThat(mutator.input(84).detail()).contains("byte 33: 0x5a -> 0xa1");
        assertThat(mutator.input(357).detail()).isEqualTo("byte 32: 0x5a -> 0x1a; ");
        // an element delimiter of the ISA (after ISA02, after ISA09) replaced: the ISA is one delimiter short
        assertThat(mutator.input(387).kind()).isEqualTo(Mutator.Kind.SEPARATOR_SWAP);
        assertThat(mutator.input(387).detail()).isEqualTo("'*' at byte 17 replaced by '>'");
        assertThat(mutator.input(422).detail()).isEqualTo("'*' at byte 76 replaced by '>'");
        // they run in the short version too, after its first inputs
        assertThat(IntakeFuzzIT.inputs(20261123L, 200)).hasSize(203).startsWith(0, 1, 2).endsWith(199, 357, 387, 422);
        assertThat(IntakeFuzzIT.inputs(20261123L, 500)).hasSize(500);
        assertThat(IntakeFuzzIT.inputs(7L, 10)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void theRegressionInputsOfSeed20261207AreStillTheOnesThatFoundItsBugs() throws Exception {
        Mutator mutator = new Mutator(20261207L, Mutator.x12SamplesOf(20261207L, SAMPLES), 1_000_000);
        assertThat(IntakeFuzzIT.REGRESSIONS.get(20261207L)).containsExactly(1106, 2081, 4187);
        // ISA09 (bytes 70-75) flipped to 265102, no date: the TA1 copied it and StAEDI refused to write it
        assertThat(mutator.input(1106).detail()).startsWith("byte 72: 0x31 -> 0x35; ");
        // the delimiter after ISA became the segment terminator: ISA13 was read from some segment
        assertThat(mutator.input(2081).detail()).isEqualTo("'*' at byte 3 replaced by '~'");
        assertThat(mutator.input(4187).detail()).isEqualTo("cut at byte 105 of 590");
    }

    @Test
    void everyRunHasTheRegressionInputsOfTheOtherSeedsBesideItsOwn() {
        assertThat(IntakeFuzzIT.regressionsBeside(42L)).containsOnlyKeys(20261123L, 20261207L, 5983575704056341359L);
        assertThat(IntakeFuzzIT.regressionsBeside(20261207L)).containsOnlyKeys(20261123L, 5983575704056341359L);
    }

    @Test
    void twoSeedsRunSideBySideShareNoInterchangeControlNumber() throws Exception {
        List<Mutator.Sample> samples = Mutator.x12Samples(SAMPLES);
        Mutator.Input own = new Mutator(5, samples, 1000).input(84);
        Mutator.Input beside = new Mutator(20261123L, samples, 1000, 900_000_000L).input(84);
        assertThat(own.controlNumbers()).isNotEmpty().allMatch(n -> n.startsWith("1000008"));
        assertThat(beside.controlNumbers()).isNotEmpty().allMatch(n -> n.startsWith("9000008"));
    }

    @Test
    void aHugeElementIsAsLongAsAsked() throws Exception {
        Mutator mutator = new Mutator(3, Mutator.x12Samples(SAMPLES), 1_000_000);
        Mutator.Input huge = mutator.input(Mutator.Kind.HUGE_ELEMENT.ordinal());
        assertThat(huge.kind()).isEqualTo(Mutator.Kind.HUGE_ELEMENT);
        assertThat(huge.content().length).isGreaterThan(1_000_000);
        assertThat(new String(huge.content(), StandardCharsets.ISO_8859_1)).containsAnyOf("9".repeat(1_000_000),
                "X".repeat(1_000_000));
    }

    @Test
    void aFreshSeedAlsoChangesReleasesAndUsageIndicatorsAndAPinnedSeedKeepsItsSevenKinds() throws Exception {
        List<Mutator.Sample> samples = Mutator.x12Samples(SAMPLES);
        Mutator fresh = new Mutator(11, samples, 1000);
        int kinds = Mutator.Kind.values().length;
        for (int round = 0; round < 20; round++) {
            Mutator.Input release = fresh.input(round * kinds + Mutator.Kind.RELEASE_CHANGED.ordinal());
            assertThat(release.kind()).isEqualTo(Mutator.Kind.RELEASE_CHANGED);
            String text = new String(release.content(), StandardCharsets.ISO_8859_1);
            if (!release.detail().isEmpty()) {
                int segment = Integer.parseInt(release.detail().replaceAll("^GS08 of segment (\\d+) -> .*$", "$1"));
                String gs08 = release.detail().replaceAll("^GS08 of segment \\d+ -> ([^,]*).*$", "$1");
                Mutator.Delimiters d = Mutator.Delimiters.of(text);
                String gs = Mutator.Segment.split(text, d.segment()).get(segment - 1).body().strip();
                assertThat(gs.split(java.util.regex.Pattern.quote(String.valueOf(d.element())), -1)[8])
                        .as(release.detail()).isEqualTo(gs08);
            }
            Mutator.Input usage = fresh.input(round * kinds + Mutator.Kind.USAGE_INDICATOR_FLIPPED.ordinal());
            assertThat(usage.kind()).isEqualTo(Mutator.Kind.USAGE_INDICATOR_FLIPPED);
            if (!usage.detail().isEmpty()) {
                assertThat(usage.detail()).matches("ISA15 [PT] -> [TP]");
                String all = new String(usage.content(), StandardCharsets.ISO_8859_1);
                assertThat(all.charAt(all.indexOf("ISA") + 102)).isEqualTo(usage.detail().charAt(usage.detail().length() - 1));
            }
        }
        // the regression seeds were found with the seven kinds before these two: their inputs stay the same
        Mutator pinned = new Mutator(20261207L, Mutator.x12SamplesOf(20261207L, SAMPLES), 1000);
        assertThat(pinned.input(7).kind()).isEqualTo(Mutator.Kind.BYTE_FLIP);
        assertThat(fresh.input(7).kind()).isEqualTo(Mutator.Kind.RELEASE_CHANGED);
    }

    @Test
    void theInputsOfSeed5983575704056341359AreStillTheOnesThatFoundTheUnwritable855() throws Exception {
        assertThat(IntakeFuzzIT.REGRESSIONS.get(5983575704056341359L)).containsExactly(916, 1294, 4786);
        Mutator mutator = new Mutator(5983575704056341359L, Mutator.x12SamplesOf(5983575704056341359L, SAMPLES), 1_000_000);
        assertThat(mutator.input(916).detail()).isEqualTo("GS08 of segment 2 -> 005010X231A1, ISA12 -> 00501");
        assertThat(mutator.input(916).sample().name()).isEqualTo("acme-changes-850-replace");
        for (int i : List.of(916, 1294, 4786)) {
            assertThat(mutator.input(i).kind()).isEqualTo(Mutator.Kind.RELEASE_CHANGED);
        }
    }
}
