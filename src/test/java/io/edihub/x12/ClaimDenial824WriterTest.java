package io.edihub.x12;

import static io.edihub.x12.AcknowledgmentValidation.problems;
import static io.edihub.x12.AcknowledgmentValidation.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.ClaimDenial;
import io.edihub.canonical.ClaimSamples;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 824 writer: claim denials written and read back by StAEDI with envelope validation and our 824 schema, and
 * one golden file ({@code -Dedihub.golden.update=true} rewrites it; review the diff).
 */
class ClaimDenial824WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/claims/claim-denial.824.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2027, 2, 15, 10, 30, 0, 0, ZoneOffset.UTC);

    private final ClaimDenial824Writer writer = new ClaimDenial824Writer(US);

    @Test
    void theDenialOfTheShortageMatchesItsGoldenFile() throws IOException {
        String x12 = write(ClaimSamples.claimDenial());
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void envelopeIsFromUsToThePartnerInAnAgGroup() {
        String x12 = write(ClaimSamples.claimDenial());

        assertThat(segments(x12, "GS")).containsExactly("GS*AG*EDIHUB*ACMEFED*20270215*1030*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*824*0001");
        // ST BGN OTI REF REF REF TED NTE NTE TED SE
        assertThat(segments(x12, "SE")).containsExactly("SE*11*0001");
    }

    @Test
    void otiRejectsTheCustomersAdjustmentByItsOwnNumber() {
        String x12 = write(ClaimSamples.claimDenial());

        assertThat(segments(x12, "BGN")).containsExactly("BGN*00*CL-2027-000031*20270215");
        // OTI01 TR transaction set reject, OTI02 CR customer reference, OTI10 the set the customer sent
        assertThat(segments(x12, "OTI")).containsExactly("OTI*TR*CR*CM-2027-0117*******812");
        assertThat(segments(x12, "REF")).containsExactly("REF*IV*INV-2027-000042", "REF*PO*4500012345",
                "REF*RE*4500012345-01");
    }

    @Test
    void tedSaysWhyAndWhichLinesAreDenied() {
        String x12 = write(ClaimSamples.claimDenial());

        assertThat(segments(x12, "TED")).containsExactly(
                "TED*ZZZ*PROOF OF DELIVERY SIGNED FOR 48 CASES AT DEPOT 12 ON",
                "TED*ZZZ*LINE 2 DENIED 2 CA 236.00");
        assertThat(segments(x12, "NTE")).containsExactly(
                "NTE*GEN*PROOF OF DELIVERY SIGNED FOR 48 CASES AT DEPOT 12 ON 2027-01-08; THE SHORTAGE",
                "NTE*GEN*WAS NOT NOTED ON RECEIPT");
    }

    @Test
    void withoutACustomerReferenceOurInvoiceNamesTheDocument() {
        ClaimDenial d = ClaimSamples.claimDenial();
        ClaimDenial operator = new ClaimDenial(d.claimNumber(), d.partnerId(), d.poNumber(), null, d.invoiceNumber(),
                "OPERATOR", null, d.decidedOn(), "NOT OUR ERROR", List.of());
        String x12 = write(operator);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "OTI")).containsExactly("OTI*TR*IV*INV-2027-000042");
        assertThat(segments(x12, "REF")).containsExactly("REF*PO*4500012345");
        assertThat(segments(x12, "TED")).containsExactly("TED*ZZZ*NOT OUR ERROR");
    }

    @Test
    void aDenialWithoutReasonOrDocumentIsRefused() {
        ClaimDenial d = ClaimSamples.claimDenial();
        assertThatThrownBy(() -> write(new ClaimDenial(d.claimNumber(), d.partnerId(), d.poNumber(), d.releaseId(),
                d.invoiceNumber(), d.customerDocument(), d.customerReference(), d.decidedOn(), " ", d.lines())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gives no reason");
        assertThatThrownBy(() -> write(new ClaimDenial(d.claimNumber(), d.partnerId(), null, d.releaseId(), null,
                "OPERATOR", null, d.decidedOn(), d.reason(), d.lines())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OTI02 / OTI03");
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(ClaimSamples.claimDenial(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
    }

    @Test
    void theValidationReallyChecksThe824Schema() {
        String x12 = write(ClaimSamples.claimDenial());

        assertThat(problems(x12.replace("OTI*TR*", "OTI*TA*"))).isNotEmpty();
        assertThat(problems(x12.replace("TED*ZZZ*LINE", "TED*007*LINE"))).isNotEmpty();
        assertThat(problems(x12.replace("OTI*TR*CR*CM-2027-0117*******812~\n", "").replace("SE*11*", "SE*10*")))
                .isNotEmpty();
    }

    private String write(ClaimDenial denial) {
        return writer.write(denial, ACME, ControlNumbers.inMemory(), NOW);
    }
}
