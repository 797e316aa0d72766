package io.edihub.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edihub.canonical.PlannedOrder;
import io.edihub.partner.PartnerDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * X12 files written by other projects ({@code ../shared/corpus}, not part of this repository): the
 * valid 850s must be accepted, quirks and all; every negative case must be rejected with a reason,
 * never crash. Skipped, saying so, where the corpus is absent.
 */
class SharedCorpusTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final PartnerDirectory PARTNERS = PartnerDirectory.load(Path.of("config/partners"));
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");

    static Stream<Path> valid850s() throws IOException {
        return files(CORPUS.resolve("valid/850"));
    }

    static Stream<Path> invalid() throws IOException {
        return files(CORPUS.resolve("invalid"));
    }

    private static Stream<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            // a placeholder, so the test reports itself as skipped with the reason
            return Stream.of(dir);
        }
        return Files.list(dir).filter(Files::isRegularFile).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid850s")
    void valid850sAreAccepted(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "../shared/corpus is not beside the project: corpus test skipped");
        Read r = read(file);
        assertThat(r.result.errors()).as("file errors").isEmpty();
        List<TransactionResult> purchaseOrders = new ArrayList<>();
        for (InterchangeResult i : r.result.interchanges()) {
            if (i.duplicate()) {
                // a repeated ISA13 in one file is flagged (TA1 025), as the corpus notes expect
                assertThat(i.ta1Code()).isEqualTo("025");
                continue;
            }
            assertThat(i.errors()).as("interchange %s", i.envelope().controlNumber()).isEmpty();
            i.groups().forEach(g -> g.transactions().stream().filter(t -> "850".equals(t.type())).forEach(purchaseOrders::add));
        }
        assertThat(purchaseOrders).isNotEmpty();
        for (TransactionResult t : purchaseOrders) {
            assertThat(t.status()).as("850 %s: %s", t.controlNumber(), t.errors()).isNotEqualTo(TransactionResult.Status.REJECTED);
        }
        assertThat(r.orders).hasSize(purchaseOrders.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void negativeCasesAreRejectedWithAReason(Path file) throws IOException {
        assumeTrue(Files.isRegularFile(file), "../shared/corpus is not beside the project: corpus test skipped");
        Read r = read(file);
        assertThat(r.result.fullyAccepted()).isFalse();
        assertThat(r.result.describeErrors()).isNotEmpty().allSatisfy(line -> assertThat(line).isNotBlank());
    }

    private record Read(FileResult result, List<PlannedOrder> orders) {
    }

    private static Read read(Path file) throws IOException {
        List<PlannedOrder> orders = new ArrayList<>();
        IntakeContext context = new IntakeContext(Optional.empty(), PARTNERS, US, IntakeContext.DuplicateCheck.inMemory());
        try (InputStream in = Files.newInputStream(file)) {
            FileResult result = new InterchangeReader().read(file.toString(), in, context, new InterchangeListener() {
                @Override
                public void transaction(InterchangeResult i, GroupResult g, TransactionResult t, PlannedOrder order) {
                    if (order != null && !i.rejected()) {
                        orders.add(order);
                    }
                }
            });
            return new Read(result, orders);
        }
    }
}
