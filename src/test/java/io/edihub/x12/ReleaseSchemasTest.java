package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas per X12 release: every fact file builds a StAEDI schema, a group's GS08 picks the release it is read
 * in, a segment of another release is noted and not refused, and the facts agree with a second public source.
 */
class ReleaseSchemasTest {

    private static final Path FACTS = Path.of("src/main/resources/x12/structure");
    private static final Path SECOND_SOURCE = Path.of("src/test/resources/x12/structure-second-source");

    private final ReleaseSchemas schemas = new ReleaseSchemas();

    static Stream<String[]> setsAndReleases() {
        return ReleaseSchemas.SETS.stream().flatMap(s -> ReleaseSchemas.RELEASES.stream().map(r -> new String[] {s, r}));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("setsAndReleases")
    void everySetBuildsASchemaInEveryRelease(String set, String release) {
        ReleaseSchemas.Release r = ReleaseSchemas.release(release);
        assertThat(r.exact()).isTrue();
        assertThat(schemas.schema(set, r)).isNotNull();
        assertThat(schemas.segments(set, r)).contains(switch (set) {
            case "850" -> "BEG";
            case "860" -> "BCH";
            case "861" -> "BRA";
            case "812" -> "BCD";
            case "820" -> "BPR";
            default -> "AK1";
        });
    }

    static Stream<String[]> schedulesAndReleases() {
        return ReleaseSchemas.SCHEDULE_SETS.stream().flatMap(s -> ReleaseSchemas.RELEASES.stream().map(r -> new String[] {s, r}));
    }

    /** The 830 and 862 build in every release for their mappers, and the intake still has no schema for them. */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("schedulesAndReleases")
    void everyScheduleSetBuildsASchemaInEveryReleaseAndTheIntakeHasNone(String set, String release) {
        ReleaseSchemas.Release r = ReleaseSchemas.release(release);
        assertThat(schemas.scheduleSchema(set, r)).isNotNull();
        assertThat(schemas.schema(set, r)).isNull();
        assertThat(schemas.table(set, r)).isNull();
        assertThat(schemas.segments(set, r)).contains(set.equals("830") ? "BFR" : "BSS", "LIN", "FST", "SHP");
        if (set.equals("830")) {
            assertThat(placements(set, release)).contains("LIN/ATH", "FST/FST", "SDP/FST", "SHP/REF");
        }
    }

    @Test
    void aScheduleSchemaIsOnlyForTheScheduleSets() {
        assertThat(schemas.scheduleSchema("850", ReleaseSchemas.release("004010"))).isNull();
    }

    @Test
    void aGroupIsReadInItsReleaseOrTheNearestEarlierOneWeHold() {
        assertThat(ReleaseSchemas.release("004010VICS")).isEqualTo(new ReleaseSchemas.Release("004010", "004010", true));
        assertThat(ReleaseSchemas.release("005010X231A1").read()).isEqualTo("005010");
        assertThat(ReleaseSchemas.release("004041")).isEqualTo(new ReleaseSchemas.Release("004041", "004040", false));
        // before the first release we hold: read with the first
        assertThat(ReleaseSchemas.release("003020")).isEqualTo(new ReleaseSchemas.Release("003020", "003040", false));
        // after the last: read with the last, and anything the set never had is noted, not refused
        ReleaseSchemas.Release later = ReleaseSchemas.release("008010");
        assertThat(later.read()).isEqualTo("006030");
        assertThat(later.newerThanFacts()).isTrue();
        assertThat(ReleaseSchemas.release("006030").newerThanFacts()).isFalse();
    }

    @Test
    void mtxIsAnOrdersTextFrom004020AndMsgBefore() {
        assertThat(placements("850", "004010")).contains("N9/MSG").doesNotContain("N9/MTX");
        assertThat(placements("850", "004030")).contains("N9/MTX", "PO1/MTX").doesNotContain("N9/MSG");
        assertThat(placements("850", "005010")).contains("N9/MTX", "PO1/MTX");
    }

    @Test
    void aSegmentOfAnotherReleaseIsNotedWhereThatReleaseHasItAndAnOutOfOrderOneIsNot() {
        ReleaseSchemas.Release r4010 = ReleaseSchemas.release("004010");
        assertThat(schemas.tolerated("850", r4010, "MTX", List.of("N9"))).isTrue();
        assertThat(schemas.tolerated("850", r4010, "MTX", List.of("PO1", "PID"))).isTrue();
        // 004010 has MTX in its ADV loop only: in the heading outside any loop no release has it
        assertThat(schemas.tolerated("850", r4010, "MTX", List.of())).isFalse();
        // N1 stands in every release: sent out of order, it is an error
        assertThat(schemas.tolerated("850", r4010, "N1", List.of())).isFalse();
        assertThat(schemas.tolerated("850", r4010, "ZZQ", List.of("PO1"))).isFalse();
        ReleaseSchemas.Release r5010 = ReleaseSchemas.release("005010");
        assertThat(schemas.tolerated("850", r5010, "MSG", List.of("N9"))).isTrue();
        // a release after our facts: a segment the set never had is noted; one it has, out of order, is not
        ReleaseSchemas.Release r8010 = ReleaseSchemas.release("008010");
        assertThat(schemas.tolerated("850", r8010, "ZZQ", List.of("PO1"))).isTrue();
        assertThat(schemas.tolerated("850", r8010, "N1", List.of())).isFalse();
        // sets read without a schema per release are never tolerated
        assertThat(schemas.tolerated("810", r4010, "MTX", List.of("N9"))).isFalse();
    }

    @Test
    void aBrokenFactFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ReleaseSchemas.Structure.parse("850/009999", "BEG 1 1\n    PO1 1 1\n"))
                .hasMessageContaining("850/009999 line 2");
        assertThatThrownBy(() -> ReleaseSchemas.Structure.parse("850/009999", "BEG one 1\n"))
                .hasMessageContaining("line 1");
    }

    @Test
    void loopsGetTheirFirstSegmentsIdAndAMandatoryFirstSegment() {
        ReleaseSchemas.Structure s = ReleaseSchemas.Structure.parse("t", "BEG 1 1\nN1 0 200\n  N3 0 2\nPO1 1 100000\n  N1 0 1\nCTT 1 1\n");
        assertThat(s.transaction()).isEqualTo("<transaction><sequence><segment type=\"BEG\" minOccurs=\"1\" maxOccurs=\"1\"/>"
                + "<loop code=\"N1_1\" maxOccurs=\"200\"><sequence><segment type=\"N1\" minOccurs=\"1\" maxOccurs=\"1\"/>"
                + "<segment type=\"N3\" maxOccurs=\"2\"/></sequence></loop>"
                + "<loop code=\"PO1_1\" minOccurs=\"1\" maxOccurs=\"100000\"><sequence>"
                + "<segment type=\"PO1\" minOccurs=\"1\" maxOccurs=\"1\"/><segment type=\"N1\" maxOccurs=\"1\"/></sequence></loop>"
                + "<segment type=\"CTT\" minOccurs=\"1\" maxOccurs=\"1\"/></sequence></transaction>");
        assertThat(s.placements).containsExactlyInAnyOrder("/BEG", "/N1", "N1/N1", "N1/N3", "/PO1", "PO1/PO1", "PO1/N1", "/CTT");
    }

    /**
     * The second source: the same sets and releases as published by another project (the libedi tables, converted
     * to our format), compared line by line. The one difference is written down: whether the LDT loop inside the
     * LS / LE pair of the 850 and 860 detail is mandatory (our source) or optional (the second).
     */
    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("checkedTwice")
    void theFactsAgreeWithASecondPublicSource(String set, String release) throws IOException {
        List<String> ours = body(FACTS.resolve(set).resolve(release + ".txt"));
        List<String> theirs = body(SECOND_SOURCE.resolve(set).resolve(release + ".txt"));
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(ours.size(), theirs.size()); i++) {
            String a = i < ours.size() ? ours.get(i) : "(none)";
            String b = i < theirs.size() ? theirs.get(i) : "(none)";
            if (!a.equals(b)) {
                differences.add("line " + (i + 1) + ": ours '" + a + "', second source '" + b + "'");
            }
        }
        if (set.equals("850") || set.equals("860")) {
            assertThat(differences).hasSize(1);
            assertThat(differences.get(0)).endsWith("ours '    LDT 1 99999', second source '    LDT 0 99999'");
        } else {
            assertThat(differences).isEmpty();
        }
    }

    static Stream<String[]> checkedTwice() throws IOException {
        try (Stream<Path> files = Files.walk(SECOND_SOURCE)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted()
                    .map(p -> new String[] {p.getParent().getFileName().toString(), p.getFileName().toString().replace(".txt", "")})
                    .toList().stream();
        }
    }

    private static List<String> body(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static java.util.Set<String> placements(String set, String release) {
        try {
            return ReleaseSchemas.Structure.parse(set, Files.readString(FACTS.resolve(set).resolve(release + ".txt"))).placements;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
