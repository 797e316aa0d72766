package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.Adjustment;
import io.edihub.canonical.PurchaseOrder;
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
 * The adjustment samples: every broken one in {@code broken-adjustments/} gives the errors its
 * {@code <name>.expected.txt} lists (regenerate with {@code -Dedihub.golden.update=true} and review the diff), and the
 * credit for damaged and short goods sent as JSON and as CSV is the same adjustment as the 812 beside them.
 */
class AdjustmentSamplesTest {

    private static final Path SAMPLES = Path.of("edi-samples/acme/adjustments");
    private static final Path BROKEN = Path.of("edi-samples/acme/broken-adjustments");

    static Stream<Path> brokenSamples() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(p -> p.toString().matches(".*\\.(json|csv)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleGivesItsExpectedErrors(Path sample) throws IOException {
        AdjustmentDocument document = read(sample);

        assertThat(document.accepted()).isFalse();
        assertThat(document.adjustments()).isEmpty();
        GoldenErrors.assertExpected(sample, ".expected.txt", document.errors());
    }

    @Test
    void everyBrokenSampleHasAnExpectedFileOfItsOwn() throws IOException {
        assertThat(brokenSamples().map(p -> p.getFileName().toString().replaceFirst("\\.[^.]+$", "")))
                .as("a JSON and a CSV sample of one name would share one expected file").doesNotHaveDuplicates();
    }

    @Test
    void theCreditIsTheSameAdjustmentInJsonAndCsv() throws IOException {
        Adjustment json = only(read(SAMPLES.resolve("damaged-and-short.json")));
        Adjustment csv = only(read(SAMPLES.resolve("damaged-and-short.csv")));

        assertThat(csv).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(json);
        assertThat(json.source()).isEqualTo(new PurchaseOrder.SourceDocument("JSON", "damaged-and-short.json", null, null,
                null, null));
        assertThat(csv.source()).isEqualTo(new PurchaseOrder.SourceDocument("CSV", "damaged-and-short.csv", null, null,
                null, null));
    }

    @Test
    void theCreditAsksForTenTabletsAndTwoCasesOnInvoice42() throws IOException {
        Adjustment adjustment = only(read(SAMPLES.resolve("damaged-and-short.json")));

        assertThat(adjustment.partnerId()).isEqualTo("acme");
        assertThat(adjustment.adjustmentNumber()).isEqualTo("CM-2027-0117");
        assertThat(adjustment.adjustmentDate()).isEqualTo(LocalDate.of(2027, 2, 5));
        assertThat(adjustment.invoiceNumber()).isEqualTo("INV-2027-000042");
        assertThat(adjustment.invoiceDate()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(adjustment.poNumber()).isEqualTo("4500012345");
        assertThat(adjustment.credit()).isTrue();
        assertThat(adjustment.amount()).isEqualByComparingTo("661.00");
        assertThat(adjustment.currency()).isEqualTo("USD");
        assertThat(adjustment.reason()).isNull();
        assertThat(adjustment.reasonText()).isEqualTo("DAMAGED AND SHORT ON RELEASE 4500012345-01");
        assertThat(adjustment.lines()).extracting(Adjustment.Line::lineNumber, Adjustment.Line::reason,
                Adjustment.Line::unit).containsExactly(org.assertj.core.groups.Tuple.tuple("1", "04", "EA"),
                        org.assertj.core.groups.Tuple.tuple("2", "06", "CA"));
        Adjustment.Line first = adjustment.lines().get(0);
        assertThat(first.quantity()).isEqualByComparingTo("10");
        assertThat(first.unitPrice()).isEqualByComparingTo("42.50");
        assertThat(first.amount()).isEqualByComparingTo("425.00");
    }

    private static Adjustment only(AdjustmentDocument document) {
        assertThat(document.errors()).isEmpty();
        assertThat(document.adjustments()).hasSize(1);
        return document.adjustments().get(0);
    }

    private static AdjustmentDocument read(Path sample) throws IOException {
        byte[] content = Files.readAllBytes(sample);
        String name = sample.getFileName().toString();
        return name.endsWith(".json") ? new AdjustmentJsonReader(1 << 20).read("acme", name, content)
                : new AdjustmentCsvReader(1 << 20).read("acme", name, content);
    }
}
