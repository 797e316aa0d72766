package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watchdog keys of a partner file: the hub's default when absent, a duration, or off. */
class WatchdogThresholdsTest {

    private static final String INITECH = "id: initech\nx12:\n  isa-id: INITECH\n";

    @TempDir
    Path dir;

    private PartnerProfile load(String yaml) throws IOException {
        Files.writeString(dir.resolve("initech.yaml"), INITECH + yaml);
        return PartnerDirectory.load(dir).byId("initech").orElseThrow();
    }

    @Test
    void aFileWithoutWatchdogKeysTakesTheHubDefaults() throws IOException {
        PartnerProfile p = load("");
        assertThat(p.watchdog()).isEqualTo(PartnerProfile.Watchdog.HUB_DEFAULTS);
        assertThat(p.watchdog().heldOrder().orDefault(Duration.ofHours(24))).contains(Duration.ofHours(24));
    }

    @Test
    void aPartnerKeyOverridesTheDefaultAndOffSwitchesTheCheckOff() throws IOException {
        PartnerProfile p = load("""
                watchdog:
                  acknowledgment-overdue-after: off
                  held-order-after: PT4H
                  unshipped-release-after: P3D
                  unaccepted-shipment-after: " OFF "
                """);
        PartnerProfile.Watchdog w = p.watchdog();
        assertThat(w.acknowledgmentOverdue().orDefault(Duration.ofHours(24))).isEmpty();
        assertThat(w.unacceptedShipment().orDefault(Duration.ofDays(14))).isEmpty();
        assertThat(w.heldOrder().orDefault(Duration.ofHours(24))).contains(Duration.ofHours(4));
        assertThat(w.unshippedRelease().orDefault(Duration.ofDays(5))).contains(Duration.ofDays(3));
        assertThat(w.undispatchedRelease()).isEqualTo(PartnerProfile.Threshold.HUB_DEFAULT);
        assertThat(w.uninvoicedAcceptance().orDefault(Duration.ofHours(8))).contains(Duration.ofHours(8));
    }

    @Test
    void theReceivablesKeysTakeZeroForAnAlertAtTheNextLook() throws IOException {
        PartnerProfile p = load("""
                watchdog:
                  payment-overdue-grace: P0D
                  deduction-open-after: PT0S
                  unapplied-cash-after: off
                """);
        PartnerProfile.Watchdog w = p.watchdog();
        assertThat(w.paymentOverdueGrace().orDefault(Duration.ofDays(5))).contains(Duration.ZERO);
        assertThat(w.deductionOpen().orDefault(Duration.ofDays(3))).contains(Duration.ZERO);
        assertThat(w.unappliedCash().orDefault(Duration.ZERO)).isEmpty();
        assertThat(load("").watchdog().paymentOverdueGrace().orDefault(Duration.ofDays(5))).contains(Duration.ofDays(5));
        assertThatThrownBy(() -> load("watchdog:\n  payment-overdue-grace: -P1D\n"))
                .hasMessageContaining("watchdog.payment-overdue-grace").hasMessageContaining("zero or more");
    }

    @Test
    void aBadThresholdNamesFileKeyAndWhatIsExpected() throws IOException {
        assertThatThrownBy(() -> load("watchdog:\n  held-order-after: 24 hours\n"))
                .isInstanceOf(PartnerConfigurationException.class).hasMessageContaining("initech.yaml")
                .hasMessageContaining("watchdog.held-order-after").hasMessageContaining("'24 hours'")
                .hasMessageContaining("PT24H").hasMessageContaining("off");
        assertThatThrownBy(() -> load("watchdog:\n  unshipped-release-after: PT0S\n"))
                .hasMessageContaining("watchdog.unshipped-release-after").hasMessageContaining("positive");
        assertThatThrownBy(() -> load("watchdog:\n  unshipped-release-after: -P1D\n"))
                .hasMessageContaining("watchdog.unshipped-release-after").hasMessageContaining("positive");
        // a period with months is not a duration: a month has no fixed length
        assertThatThrownBy(() -> load("watchdog:\n  unaccepted-shipment-after: P1M\n"))
                .hasMessageContaining("watchdog.unaccepted-shipment-after").hasMessageContaining("'P1M'");
    }

    @Test
    void aMisspelledWatchdogKeyIsNamed() throws IOException {
        assertThatThrownBy(() -> load("watchdog:\n  held-orders-after: PT4H\n"))
                .isInstanceOf(PartnerConfigurationException.class).hasMessageContaining("watchdog.held-orders-after");
    }

    @Test
    void theDemoPartnersLoadWithTheirWatchdogSettings() {
        PartnerDirectory partners = PartnerDirectory.load(Path.of("config/partners"));
        assertThat(partners.all()).allSatisfy(p -> assertThat(p.watchdog()).isNotNull());
    }
}
