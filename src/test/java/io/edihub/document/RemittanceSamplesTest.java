package io.edihub.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.canonical.PurchaseOrder;
import io.edihub.canonical.Remittance;
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
 * The remittance samples: every broken one in {@code broken-remittances/} gives the errors its
 * {@code <name>.expected.txt} lists (regenerate with {@code -Dedihub.golden.update=true} and review the diff), and the
 * ACH payment of two invoices sent as JSON and as CSV is the same remittance as the 820 beside them.
 */
class RemittanceSamplesTest {

    private static final Path SAMPLES = Path.of("edi-samples/acme/remittances");
    private static final Path BROKEN = Path.of("edi-samples/acme/broken-remittances");

    static Stream<Path> brokenSamples() throws IOException {
        try (Stream<Path> files = Files.list(BROKEN)) {
            return files.filter(p -> p.toString().matches(".*\\.(json|csv)$")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSamples")
    void brokenSampleGivesItsExpectedErrors(Path sample) throws IOException {
        RemittanceDocument document = read(sample);

        assertThat(document.accepted()).isFalse();
        assertThat(document.remittances()).isEmpty();
        GoldenErrors.assertExpected(sample, ".expected.txt", document.errors());
    }

    @Test
    void everyBrokenSampleHasAnExpectedFileOfItsOwn() throws IOException {
        assertThat(brokenSamples().map(p -> p.getFileName().toString().replaceFirst("\\.[^.]+$", "")))
                .as("a JSON and a CSV sample of one name would share one expected file").doesNotHaveDuplicates();
    }

    @Test
    void thePaymentIsTheSameRemittanceInJsonAndCsv() throws IOException {
        Remittance json = only(read(SAMPLES.resolve("ach-two-invoices.json")));
        Remittance csv = only(read(SAMPLES.resolve("ach-two-invoices.csv")));

        assertThat(csv).usingRecursiveComparison().ignoringFields("source")
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(json);
        assertThat(json.source()).isEqualTo(new PurchaseOrder.SourceDocument("JSON", "ach-two-invoices.json", null, null,
                null, null));
        assertThat(csv.source()).isEqualTo(new PurchaseOrder.SourceDocument("CSV", "ach-two-invoices.csv", null, null,
                null, null));
    }

    @Test
    void theJsonPaymentPaysTwoInvoicesWithADiscountAndADeduction() throws IOException {
        Remittance remittance = only(read(SAMPLES.resolve("ach-two-invoices.json")));

        assertThat(remittance.partnerId()).isEqualTo("acme");
        assertThat(remittance.traceNumber()).isEqualTo("PAY-2027-000311");
        assertThat(remittance.paymentDate()).isEqualTo(LocalDate.of(2027, 3, 5));
        assertThat(remittance.method()).isEqualTo("ACH");
        assertThat(remittance.total()).isEqualByComparingTo("2343.75");
        assertThat(remittance.currency()).isEqualTo("USD");
        assertThat(remittance.lines()).extracting(Remittance.Line::invoiceNumber).containsExactly("INV-2027-000042",
                "INV-2027-000043");
        Remittance.Line first = remittance.lines().get(0);
        assertThat(first.paid()).isEqualByComparingTo("1593.75");
        assertThat(first.invoiceAmount()).isEqualByComparingTo("1650");
        assertThat(first.discount()).isEqualByComparingTo("16.5");
        assertThat(first.adjustments()).singleElement().satisfies(a -> {
            assertThat(a.amount()).isEqualByComparingTo("-39.75");
            assertThat(a.reasonCode()).isEqualTo("04");
            assertThat(a.text()).isEqualTo("TWO CARTONS DAMAGED ON RELEASE 4500012345-01");
        });
    }

    private static Remittance only(RemittanceDocument document) {
        assertThat(document.errors()).isEmpty();
        assertThat(document.remittances()).hasSize(1);
        return document.remittances().get(0);
    }

    private static RemittanceDocument read(Path sample) throws IOException {
        byte[] content = Files.readAllBytes(sample);
        String name = sample.getFileName().toString();
        return name.endsWith(".json") ? new RemittanceJsonReader(1 << 20).read("acme", name, content)
                : new RemittanceCsvReader(1 << 20).read("acme", name, content);
    }
}
