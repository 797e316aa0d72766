package io.edihub.x12;

import static io.edihub.x12.AcknowledgmentValidation.problems;
import static io.edihub.x12.AcknowledgmentValidation.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.ClaimSamples;
import io.edihub.canonical.ReturnAuthorization;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 180 writer: return authorizations written and read back by StAEDI with envelope validation and our 180
 * schema, and one golden file ({@code -Dedihub.golden.update=true} rewrites it; review the diff).
 */
class ReturnAuthorization180WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/claims/return-authorization.180.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2027, 2, 15, 10, 30, 0, 0, ZoneOffset.UTC);

    private final ReturnAuthorization180Writer writer = new ReturnAuthorization180Writer(US);

    @Test
    void theReturnOfTheDamagedTabletsMatchesItsGoldenFile() throws IOException {
        String x12 = write(ClaimSamples.returnAuthorization());
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void envelopeIsFromUsToThePartnerInAnAnGroup() {
        String x12 = write(ClaimSamples.returnAuthorization());

        assertThat(segments(x12, "GS")).containsExactly("GS*AN*EDIHUB*ACMEFED*20270215*1030*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*180*0001");
        // ST BGN PRF NTE N1 BLI PID SE: the 180 has no summary
        assertThat(segments(x12, "SE")).containsExactly("SE*8*0001");
        assertThat(segments(x12, "CTT")).isEmpty();
    }

    @Test
    void theRmaNumberIsBgn02AndTheOrderAndReleaseArePrf() {
        String x12 = write(ClaimSamples.returnAuthorization());

        // BGN01 00, BGN02 the RMA number, BGN03 authorized on, BGN06 the customer's rejection it answers
        assertThat(segments(x12, "BGN")).containsExactly("BGN*00*RMA-CL-2027-000031*20270215***RA-2027-0042");
        assertThat(segments(x12, "PRF")).containsExactly("PRF*4500012345*4500012345-01**20261102");
        assertThat(segments(x12, "NTE")).containsExactly("NTE*GEN*DAMAGED IN TRANSIT: RETURN FOR REPLACEMENT");
        assertThat(segments(x12, "N1")).containsExactly("N1*BY*ACME Federal Procurement");
    }

    @Test
    void everyLineIsABliWithItsPartsQuantityAndOrderLine() {
        String x12 = write(ClaimSamples.returnAuthorization());

        assertThat(segments(x12, "BLI")).containsExactly("BLI*BP*ACM-77812*10*EA****VP*EH-1001*PL*1");
        assertThat(segments(x12, "PID")).containsExactly("PID*F****RUGGED TABLET 10 INCH");
    }

    @Test
    void aLineWithoutPartsIsNamedByItsOrderLine() {
        ReturnAuthorization rma = withLines(List.of(new ReturnAuthorization.Line("3", null, null, null, BigDecimal.ONE,
                "CA", null)));
        String x12 = write(rma);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "BLI")).containsExactly("BLI*PL*3*1*CA");
        assertThat(segments(x12, "PID")).isEmpty();
    }

    @Test
    void anAuthorizationOfNothingIsRefused() {
        assertThatThrownBy(() -> write(withLines(List.of()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("authorizes nothing");
        assertThatThrownBy(() -> write(withLines(List.of(new ReturnAuthorization.Line("1", "ACM-77812", null, null,
                BigDecimal.ZERO, "EA", null))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1 authorizes no positive quantity");
    }

    @Test
    void whatIsNotKnownIsLeftOut() {
        ReturnAuthorization bare = new ReturnAuthorization("RMA-1", "acme", null, null, null, null, null,
                ClaimSamples.SETTLED, null, ClaimSamples.returnAuthorization().lines());
        String x12 = write(bare);

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "BGN")).containsExactly("BGN*00*RMA-1*20270215");
        assertThat(segments(x12, "PRF")).isEmpty();
        assertThat(segments(x12, "NTE")).isEmpty();
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(ClaimSamples.returnAuthorization(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
    }

    @Test
    void theValidationReallyChecksThe180Schema() {
        String x12 = write(ClaimSamples.returnAuthorization());

        assertThat(problems(x12.replace("BLI*BP*", "BLI*ZZ*"))).isNotEmpty();
        assertThat(problems(x12.replace("*10*EA*", "*TEN*EA*"))).isNotEmpty();
        assertThat(problems(x12.replace("BGN*00*", "BGN*05*"))).isNotEmpty();
    }

    private static ReturnAuthorization withLines(List<ReturnAuthorization.Line> lines) {
        ReturnAuthorization r = ClaimSamples.returnAuthorization();
        return new ReturnAuthorization(r.rmaNumber(), r.partnerId(), r.poNumber(), r.orderDate(), r.releaseId(),
                r.claimNumber(), r.customerReference(), r.authorizedOn(), r.reason(), lines);
    }

    private String write(ReturnAuthorization rma) {
        return writer.write(rma, ACME, ControlNumbers.inMemory(), NOW);
    }
}
