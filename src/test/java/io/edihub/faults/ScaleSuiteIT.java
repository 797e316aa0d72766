package io.edihub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scale test (see {@link ScaleSuite}) against the packaged hub. By default the short version that CI runs in
 * {@code verify}: 100 POs with one process, then with three of which one is killed halfway.
 * {@code -Dscale.long=true} runs the figures: 2,000 POs with one process, three, and three with one killed.
 */
class ScaleSuiteIT {

    @Test
    void severalProcessesShareTheWorkAndEveryDocumentIsProcessedOnceWhenOneIsKilled() throws Exception {
        ScaleSuite.Settings settings = Boolean.getBoolean("scale.long") ? ScaleSuite.Settings.full()
                : ScaleSuite.Settings.quick();
        List<ScaleSuite.Outcome> outcomes = new ScaleSuite(settings, Path.of(""),
                Path.of("target", "scale-suite", UUID.randomUUID().toString())).run();

        assertThat(outcomes).hasSameSizeAs(settings.rounds()).allSatisfy(o -> {
            assertThat(o.settled()).as(o.round().label() + ": settled, nothing stuck").isTrue();
            assertThat(o.lostBy()).as(o.round().label() + ": lost").allSatisfy((what, n) -> assertThat(n).as(what).isZero());
            assertThat(o.duplicatedBy()).as(o.round().label() + ": duplicated")
                    .allSatisfy((what, n) -> assertThat(n).as(what).isZero());
            assertThat(o.ordersStored()).isEqualTo(o.posSent()).isEqualTo(settings.orders());
            assertThat(o.files().archived()).isEqualTo(o.filesUploaded()).isEqualTo(o.files().acknowledged());
            assertThat(o.requests().ids()).isEqualTo(o.requests().keys()).isEqualTo(o.requests().dispatched()).isPositive();
            assertThat(o.shipmentsApplied()).isEqualTo(o.shipmentsSent()).isEqualTo(o.requests().dispatched());
        });
        // with several processes the files were shared out, and a killed one's share went to the others
        assertThat(outcomes).filteredOn(o -> o.round().hubs() > 1).allSatisfy(o -> assertThat(o.filesTakenByProcess())
                .as(o.round().label() + ": files taken per process").filteredOn(n -> n > 0).hasSizeGreaterThan(1));
        assertThat(outcomes).filteredOn(o -> o.round().killOne()).allSatisfy(o -> assertThat(o.killedProcess()).isNotNull());
    }
}
