package io.edihub.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.Acceptance;
import io.edihub.canonical.PurchaseOrder;
import io.edihub.document.AcceptanceCsvReader;
import io.edihub.document.AcceptanceDocument;
import io.edihub.document.AcceptanceJsonReader;
import io.edihub.document.GoldenErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance samples: every broken one in {@code broken-acceptances/} gives the errors its
 * {@code <name>.expected.txt} lists (regenerate with {@code -Dedihub.golden.update=true} and review the
 * diff), and the partial acceptance sent as JSON and as CSV is the same acceptance.
 */
class AcceptanceSamplesTest {

    private static final Path SAMPLES = Path.of("edi-samples/acme/acceptances");
    private static final Path BROKEN = Path.of("edi-samples/acme/broken-acceptances");

    static Stream<Path> brokenSamples() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(p -> p.toString().matches(".*\\.(json|csv)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleGivesItsExpectedErrors(Path sample) throws IOException {
        AcceptanceDocument document = read(sample);

        assertThat(document.accepted()).isFalse();
        assertThat(document.acceptances()).isEmpty();
        GoldenErrors.assertExpected(sample, ".expected.txt", document.errors());
    }

    @Test
    void everyBrokenSampleHasAnExpectedFileOfItsOwn() throws IOException {
        assertThat(brokenSamples().map(p -> p.getFileName().toString().replaceFirst("\\.[^.]+$", "")))
                .as("a JSON and a CSV sample of one name would share one expected file").doesNotHaveDuplicates();
    }

    @Test
    void thePartialAcceptanceIsTheSameAcceptanceInJsonAndCsv() throws IOException {
        Acceptance json = only(read(SAMPLES.resolve("partial-acceptance.json")));
        Acceptance csv = only(read(SAMPLES.resolve("partial-acceptance.csv")));

        assertThat(csv).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(json);
        assertThat(json.source()).isEqualTo(new PurchaseOrder.SourceDocument("JSON", "partial-acceptance.json", null, null,
                null, null));
        assertThat(csv.source()).isEqualTo(new PurchaseOrder.SourceDocument("CSV", "partial-acceptance.csv", null, null,
                null, null));
    }

    @Test
    void thePartialAcceptanceAcceptsEightyReturnsFifteenDamagedAndDisputesFive() throws IOException {
        Acceptance acceptance = only(read(SAMPLES.resolve("partial-acceptance.csv")));

        assertThat(acceptance.partnerId()).isEqualTo("acme");
        assertThat(acceptance.acceptanceId()).isEqualTo("RA-2027-0042");
        assertThat(acceptance.poNumber()).isEqualTo("4500012345");
        assertThat(acceptance.releaseId()).isEqualTo("4500012345-01");
        assertThat(acceptance.acceptedOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(acceptance.implicit()).isFalse();
        assertThat(acceptance.lines()).hasSize(2);
        Acceptance.Line first = acceptance.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo("1");
        assertThat(first.accepted()).isEqualByComparingTo("80");
        assertThat(first.returned()).isEqualByComparingTo("15");
        assertThat(first.disputed()).isEqualByComparingTo("5");
        assertThat(first.rejected()).isEqualByComparingTo("20");
        assertThat(first).extracting(Acceptance.Line::unit, Acceptance.Line::condition, Acceptance.Line::reason)
                .containsExactly("EA", "DAMAGED", "crushed cartons");
        Acceptance.Line second = acceptance.lines().get(1);
        assertThat(second.accepted()).isEqualByComparingTo("50");
        assertThat(second.rejected()).isEqualByComparingTo("0");
        assertThat(second).extracting(Acceptance.Line::unit, Acceptance.Line::condition, Acceptance.Line::reason)
                .containsExactly("CA", null, null);
    }

    private static Acceptance only(AcceptanceDocument document) {
        assertThat(document.errors()).isEmpty();
        assertThat(document.acceptances()).hasSize(1);
        return document.acceptances().get(0);
    }

    private static AcceptanceDocument read(Path sample) throws IOException {
        byte[] content = Files.readAllBytes(sample);
        String name = sample.getFileName().toString();
        return name.endsWith(".json") ? new AcceptanceJsonReader(1 << 20).read("acme", name, content)
                : new AcceptanceCsvReader(1 << 20).read("acme", name, content);
    }
}
