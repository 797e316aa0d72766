package io.edihub.x12;

import static io.edihub.x12.AcknowledgmentValidation.problems;
import static io.edihub.x12.AcknowledgmentValidation.segments;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.canonical.ShipNotice;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The 856 writer: ship notices written and read back by StAEDI with envelope validation and our 856 schema,
 * the shipment / order / item hierarchy checked link by link, and one golden file
 * ({@code -Dedihub.golden.update=true} rewrites it; review the diff).
 */
class ShipNotice856WriterTest {

    private static final Path GOLDEN = Path.of("edi-samples/acme/fulfillment/ship-notice.856.x12");
    private static final OurIdentity US = new OurIdentity("ZZ", "EDIHUB", "EDIHUB", "P");
    private static final PartnerProfile ACME = PartnerDirectory.load(Path.of("config/partners")).byId("acme").orElseThrow();
    private static final ZonedDateTime NOW = ZonedDateTime.of(2027, 1, 8, 17, 45, 0, 0, ZoneOffset.UTC);
    private static final LocalDate ORDERED = LocalDate.of(2026, 11, 2);
    private static final LocalDate SHIPPED = LocalDate.of(2027, 1, 8);

    private final ShipNotice856Writer writer = new ShipNotice856Writer(US);

    @Test
    void firstReleaseShipmentMatchesItsGoldenFile() throws IOException {
        String x12 = writer.write(firstRelease(), ACME, ControlNumbers.inMemory(), NOW);
        if (Boolean.getBoolean("edihub.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, x12);
        }
        assertThat(problems(x12)).isEmpty();
        assertThat(x12).isEqualTo(Files.readString(GOLDEN));
    }

    @Test
    void envelopeIsFromUsToThePartnerInAnShGroup() {
        String x12 = write(firstRelease());

        assertThat(segments(x12, "ISA")).containsExactly("ISA*00*          *00*          *ZZ*EDIHUB         *ZZ*ACMEFED"
                + "        *270108*1745*U*00401*000000001*0*P*>");
        assertThat(segments(x12, "GS")).containsExactly("GS*SH*EDIHUB*ACMEFED*20270108*1745*1*X*004010");
        assertThat(segments(x12, "ST")).containsExactly("ST*856*0001");
        // ST BSN DTM, HL TD5 REF REF, HL PRF, 2 x (HL LIN SN1), CTT SE
        assertThat(segments(x12, "SE")).containsExactly("SE*17*0001");
        assertThat(segments(x12, "GE")).containsExactly("GE*1*1");
        assertThat(segments(x12, "IEA")).containsExactly("IEA*1*000000001");
    }

    @Test
    void headingNamesTheShipmentAndTheDayItLeft() {
        String x12 = write(firstRelease());

        assertThat(problems(x12)).isEmpty();
        // BSN03 / BSN04: when the notice was made; BSN05 0004: shipment, order, item
        assertThat(segments(x12, "BSN")).containsExactly("BSN*00*SH-2027-000117*20270108*1745*0004");
        assertThat(segments(x12, "DTM")).containsExactly("DTM*011*20270108");
    }

    @Test
    void hierarchyIsOneShipmentOneOrderAndAnItemPerLine() {
        String x12 = write(firstRelease());

        List<String> hl = segments(x12, "HL");
        assertThat(hl).containsExactly("HL*1**S", "HL*2*1*O", "HL*3*2*I", "HL*4*2*I");
        assertThat(parentsOf(hl)).containsExactly(Map.entry("S", ""), Map.entry("O", "S"), Map.entry("I", "O"),
                Map.entry("I", "O"));
        // the 856's CTT01 counts the HL segments
        assertThat(segments(x12, "CTT")).containsExactly("CTT*4");
    }

    @Test
    void shipmentLevelCarriesCarrierTrackingAndSupplier() {
        String x12 = write(firstRelease());

        assertThat(segments(x12, "TD5")).containsExactly("TD5**2*UPSN");
        assertThat(segments(x12, "REF")).containsExactly("REF*CN*1Z999AA10123456784", "REF*VR*V-0042-EDIHUB");
        assertThat(segments(x12, "PRF")).containsExactly("PRF*4500012345*4500012345-01**20261102");
    }

    @Test
    void itemsCarryPartsShippedAndOrderedQuantity() {
        String x12 = write(firstRelease());

        assertThat(segments(x12, "LIN")).containsExactly("LIN*1*BP*ACM-77812*VP*EH-1001", "LIN*2*BP*ACM-77813*VP*EH-2040");
        // SN102 shipped now, SN104 (shipped to date) unknown, SN105 / SN106 what the release ordered
        assertThat(segments(x12, "SN1")).containsExactly("SN1*1*100*EA**100*EA", "SN1*2*48*CA**50*CA");
    }

    @Test
    void whatIsNotKnownIsLeftOut() {
        String x12 = write(notice("SH-1", null, null, null, List.of(
                new ShipNotice.Line("1", null, "EH-1001", BigDecimal.TEN, null, "EA"),
                new ShipNotice.Line("2", null, null, BigDecimal.ONE, null, "EA"))));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "TD5")).isEmpty();
        assertThat(segments(x12, "REF")).isEmpty();
        // LIN02 / LIN03 are mandatory: a line without part numbers is known by SN101 alone
        assertThat(segments(x12, "LIN")).containsExactly("LIN*1*VP*EH-1001");
        assertThat(segments(x12, "SN1")).containsExactly("SN1*1*10*EA", "SN1*2*1*EA");
        assertThat(segments(x12, "CTT")).containsExactly("CTT*4");
    }

    @Test
    void aCarrierThatIsNoScacIsWrittenAsRouting() {
        String x12 = write(notice("SH-1", "United Parcel Service", null, null, firstRelease().lines()));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "TD5")).containsExactly("TD5*****United Parcel Service");
    }

    @Test
    void quantitiesAreX12Decimals() {
        String x12 = write(notice("SH-1", null, null, null, List.of(
                new ShipNotice.Line("1", "ACM-77812", null, new BigDecimal("12.500"), new BigDecimal("1E+2"), "EA"))));

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "SN1")).containsExactly("SN1*1*12.5*EA**100*EA");
    }

    @Test
    void valuesWithADelimiterAreRefused() {
        assertThatThrownBy(() -> write(notice("SH*117", "UPSN", null, null, firstRelease().lines())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BSN02").hasMessageContaining("'*'");
        assertThatThrownBy(() -> write(notice("SH-117", "UPSN", "1Z999~AA", null, firstRelease().lines())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REF02");
    }

    @Test
    void valuesX12CannotCarryAreRefused() {
        ShipNotice longRelease = new ShipNotice("SH-1", "acme", "4500012345", ORDERED,
                "4500012345-RELEASE-NUMBER-LONGER-THAN-30", SHIPPED, null, null, null, firstRelease().lines());
        assertThatThrownBy(() -> write(longRelease))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid 856")
                .hasMessageContaining("PRF02");

        ShipNotice noUnit = notice("SH-1", null, null, null,
                List.of(new ShipNotice.Line("1", "ACM-77812", null, BigDecimal.ONE, null, null)));
        assertThatThrownBy(() -> write(noUnit)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SN103");
    }

    @Test
    void aShipNoticeNeedsItsShipDateAndItems() {
        ShipNotice undated = new ShipNotice("SH-1", "acme", "4500012345", ORDERED, "4500012345-01", null, null, null,
                null, firstRelease().lines());
        assertThatThrownBy(() -> write(undated)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DTM 011");
        assertThatThrownBy(() -> write(notice("SH-1", null, null, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no item");
    }

    @Test
    void version005010IsWrittenWhenAskedFor() {
        String x12 = writer.write(firstRelease(), ACME, ControlNumbers.inMemory(), NOW, "005010");

        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "ISA").get(0)).contains("*^*00501*000000001*");
        assertThat(segments(x12, "GS").get(0)).endsWith("*X*005010");
        assertThat(segments(x12, "HL")).hasSize(4);
    }

    @Test
    void referenceLengthFollowsTheVersion() {
        // REF02 is AN 1/30 in 004010 and AN 1/50 from 005010 on
        String tracking = "T".repeat(40);
        ShipNotice longTracking = notice("SH-1", null, tracking, null, firstRelease().lines());

        assertThatThrownBy(() -> write(longTracking)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REF02");
        String x12 = writer.write(longTracking, ACME, ControlNumbers.inMemory(), NOW, "005010");
        assertThat(problems(x12)).isEmpty();
        assertThat(segments(x12, "REF")).containsExactly("REF*CN*" + tracking);
    }

    @Test
    void controlNumbersAreNeverHandedOutTwice() {
        ControlNumbers numbers = ControlNumbers.inMemory();
        writer.write(firstRelease(), ACME, numbers, NOW);
        String second = writer.write(firstRelease(), ACME, numbers, NOW);

        assertThat(segments(second, "IEA")).containsExactly("IEA*1*000000002");
        assertThat(segments(second, "GE")).containsExactly("GE*1*2");
    }

    @Test
    void oneWriterServesManyThreads() {
        ControlNumbers numbers = ControlNumbers.inMemory();
        List<String> notices = IntStream.range(0, 200).parallel()
                .mapToObj(i -> notice("SH-" + i, "UPSN", null, null, firstRelease().lines()))
                .map(notice -> writer.write(notice, ACME, numbers, NOW))
                .toList();

        assertThat(notices).allSatisfy(x12 -> assertThat(problems(x12)).isEmpty());
        assertThat(notices.stream().map(x12 -> segments(x12, "IEA").get(0))).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void theValidationReallyChecksThe856Schema() {
        String x12 = write(firstRelease());

        assertThat(problems(x12.replace("BSN*00*", "BSN*05*"))).isNotEmpty();
        assertThat(problems(x12.replace("HL*3*2*I", "HL*3*2*P"))).isNotEmpty();
        assertThat(problems(x12.replace("SN1*1*100*EA**100*EA", "SN1*1*100*EA**100"))).isNotEmpty();
    }

    /** The first monthly release of the blanket order in {@code edi-samples/acme/}: line 2 shipped short. */
    private static ShipNotice firstRelease() {
        return new ShipNotice("SH-2027-000117", "acme", "4500012345", ORDERED, "4500012345-01", SHIPPED, "UPSN",
                "1Z999AA10123456784", ACME.contract().supplierNumber(), List.of(
                        new ShipNotice.Line("1", "ACM-77812", "EH-1001", new BigDecimal("100"), new BigDecimal("100"), "EA"),
                        new ShipNotice.Line("2", "ACM-77813", "EH-2040", new BigDecimal("48"), new BigDecimal("50"), "CA")));
    }

    private static ShipNotice notice(String shipmentId, String carrier, String tracking, String supplier,
            List<ShipNotice.Line> lines) {
        return new ShipNotice(shipmentId, "acme", "4500012345", ORDERED, "4500012345-01", SHIPPED, carrier, tracking,
                supplier, lines);
    }

    private String write(ShipNotice notice) {
        return writer.write(notice, ACME, ControlNumbers.inMemory(), NOW);
    }

    /** Each HL as (its level, its parent's level); fails when HL02 names no earlier HL. */
    private static List<Map.Entry<String, String>> parentsOf(List<String> hl) {
        Map<String, String> levels = new HashMap<>();
        return hl.stream().map(segment -> {
            String[] e = segment.split("\\*", -1);
            String parent = "";
            if (!e[2].isEmpty()) {
                assertThat(levels).as("HL02 of %s names an earlier HL", segment).containsKey(e[2]);
                parent = levels.get(e[2]);
            }
            assertThat(levels.put(e[1], e[3])).as("HL01 of %s is unique", segment).isNull();
            return Map.entry(e[3], parent);
        }).toList();
    }
}
