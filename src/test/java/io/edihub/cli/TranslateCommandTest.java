package io.edihub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The translate command as an operator runs it: one JSON object per file, exit status by outcome. */
class TranslateCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TranslateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> json() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return mapper.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object per line: " + l, e);
            }
        }).toList();
    }

    @Test
    void acceptedFileExitsZeroWithTheCanonicalOrderAndReleases() throws Exception {
        assertThat(run("edi-samples/acme/blanket-12-month-schedule.edi")).isZero();
        JsonNode file = json().get(0);
        assertThat(file.get("file").asText()).endsWith("blanket-12-month-schedule.edi");
        assertThat(file.get("errors")).isEmpty();
        JsonNode interchange = file.get("interchanges").get(0);
        assertThat(interchange.get("sender").asText()).isEqualTo("ZZ/ACMEFED");
        assertThat(interchange.get("receiver").asText()).isEqualTo("ZZ/EDIHUB");
        assertThat(interchange.get("controlNumber").asText()).isEqualTo("000000101");
        JsonNode group = interchange.get("groups").get(0);
        assertThat(group.get("functionalId").asText()).isEqualTo("PO");
        assertThat(group.get("version").asText()).isEqualTo("004010");
        JsonNode set = group.get("transactions").get(0);
        assertThat(set.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(set.get("order").get("poNumber").asText()).isEqualTo("4500012345");
        assertThat(set.get("order").get("lines")).hasSize(2);
        assertThat(set.get("order").get("releases")).hasSize(12);
        assertThat(set.get("order").get("releases").get(0).get("releaseId").asText()).isEqualTo("4500012345-01");
        assertThat(set.get("order").get("releases").get(0).get("month").asText()).isEqualTo("2027-01");
        assertThat(file.get("acknowledgments").get(0).asText()).contains("AK5*A~", "AK9*A*1*1*1~");
    }

    @Test
    void rejectedSetExitsOneAndNamesSegmentElementAndCode() throws Exception {
        assertThat(run("edi-samples/acme/broken/non-numeric-quantity.edi")).isEqualTo(1);
        JsonNode set = json().get(0).get("interchanges").get(0).get("groups").get(0).get("transactions").get(0);
        assertThat(set.get("status").asText()).isEqualTo("REJECTED");
        assertThat(set.get("order").isNull()).isTrue();
        JsonNode error = set.get("errors").get(0);
        assertThat(error.get("segment").asText()).isEqualTo("PO1");
        assertThat(error.get("position").asInt()).isEqualTo(10);
        assertThat(error.get("element").asInt()).isEqualTo(2);
        assertThat(error.get("code").asText()).isEqualTo("INVALID_CHARACTER_DATA");
        assertThat(error.get("message").asText()).contains("1O0");
    }

    @Test
    void theSetsOfAnInterchangeRejectedByATa1AreShownRejectedNeverAccepted() throws Exception {
        // the set itself is sound; the IEA02 does not repeat the ISA13, so the TA1 rejects the whole interchange
        assertThat(run("edi-samples/acme/broken/isa13-iea02-mismatch.edi", "edi-samples/acme/broken/wrong-iea01-count.edi"))
                .isEqualTo(1);
        for (JsonNode file : json()) {
            JsonNode interchange = file.get("interchanges").get(0);
            assertThat(interchange.get("status").asText()).isEqualTo("REJECTED");
            assertThat(file.get("acknowledgments").get(0).asText()).contains("*R*" + interchange.get("ta1Code").asText() + "~");
            for (JsonNode group : interchange.get("groups")) {
                assertThat(group.get("status").asText()).isEqualTo("R");
                assertThat(group.get("transactions")).isNotEmpty().allSatisfy(set -> {
                    assertThat(set.get("status").asText()).isEqualTo("REJECTED");
                    assertThat(set.get("order").isNull()).isTrue();
                });
            }
        }
    }

    @Test
    void severalFilesGiveOneObjectEachAndAnyRejectionMakesTheStatusOne() throws Exception {
        assertThat(run("edi-samples/acme/standalone-no-schedule.edi", "edi-samples/acme/broken/not-x12.edi")).isEqualTo(1);
        List<JsonNode> files = json();
        assertThat(files).hasSize(2);
        assertThat(files.get(1).get("errors").get(0).get("code").asText()).isEqualTo("NOT_X12");
        assertThat(files.get(1).get("interchanges")).isEmpty();
    }

    @Test
    void unknownSenderIsTranslatedWithTheDefaultProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("stranger.edi");
        Files.writeString(file, Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"))
                .replace("ZZ*ACMEFED        *", "ZZ*STRANGER       *").replace("GS*PO*ACMEFED*", "GS*PO*STRANGER*"));
        assertThat(run(file.toString())).isZero();
        JsonNode interchange = json().get(0).get("interchanges").get(0);
        assertThat(interchange.get("partner").asText()).isEqualTo("unknown");
        assertThat(interchange.get("groups").get(0).get("transactions").get(0).get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void anUnknownSenderWhoseGroupSenderDiffersFromItsInterchangeSenderIsNeverRefusedForIt(@TempDir Path dir)
            throws Exception {
        // a DUNS number in the ISA, a division code in the GS: the default profile takes any GS02
        Path file = dir.resolve("stranger-division.edi");
        Files.writeString(file, Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"))
                .replace("ZZ*ACMEFED        *", "01*123456789      *").replace("GS*PO*ACMEFED*", "GS*PO*STRANGER-MRO*"));
        assertThat(run(file.toString())).isZero();
        JsonNode interchange = json().get(0).get("interchanges").get(0);
        assertThat(interchange.get("partner").asText()).isEqualTo("unknown");
        assertThat(interchange.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(interchange.get("groups").get(0).get("status").asText()).isEqualTo("A");
        assertThat(interchange.get("groups").get(0).get("transactions").get(0).get("order").isNull()).isFalse();
    }

    @Test
    void aKnownPartnerWithoutGroupIdsIsNotRefusedForAGroupSenderOfItsOwn(@TempDir Path dir) throws Exception {
        Path partners = Files.createDirectories(dir.resolve("partners"));
        Files.writeString(partners.resolve("initech.yaml"), "id: initech\nx12:\n  isa-qualifier: \"01\"\n"
                + "  isa-id: \"123456789\"\n");
        Path file = dir.resolve("initech-division.edi");
        Files.writeString(file, Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"))
                .replace("ZZ*ACMEFED        *", "01*123456789      *").replace("GS*PO*ACMEFED*", "GS*PO*INITECH-MRO*"));
        assertThat(run("--partners", partners.toString(), file.toString())).isZero();
        JsonNode interchange = json().get(0).get("interchanges").get(0);
        assertThat(interchange.get("partner").asText()).isEqualTo("initech");
        assertThat(interchange.get("groups").get(0).get("status").asText()).isEqualTo("A");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
        assertThat(run("--bogus", "x.edi")).isEqualTo(2);
        assertThat(run("does/not/exist.edi")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
