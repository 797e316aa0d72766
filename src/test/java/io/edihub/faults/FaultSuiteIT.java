package io.edihub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The fault suite (see {@link FaultSuite}) against the packaged hub. By default the short version that CI
 * runs in {@code verify}: 100 POs uploaded over 30 s, three kills, five-second outages. {@code -Dfaults.long=true} runs the
 * issue's figures: 1,000 POs, ten kills, Kafka and PostgreSQL away for 60 s each. {@code -Dfaults.seed=N}
 * repeats a run's kill moments.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostAndNothingHappensTwiceWhenTheHubIsKilledAndItsServersGoAway() throws Exception {
        long seed = FaultSuite.seedFromProperty().get();
        FaultSuite.Settings settings = Boolean.getBoolean("faults.long") ? FaultSuite.Settings.full(seed)
                : FaultSuite.Settings.quick(seed);
        FaultSuite.Figures figures = new FaultSuite(settings, Path.of(""),
                Path.of("target", "fault-suite", UUID.randomUUID().toString())).run();

        assertThat(figures.lostBy()).as("lost").allSatisfy((what, count) -> assertThat(count).as(what).isZero());
        assertThat(figures.duplicatedBy()).as("duplicated effects").allSatisfy((what, count) -> assertThat(count).as(what).isZero());
        assertThat(figures.ordersStored()).isEqualTo(figures.posSent()).isEqualTo(settings.orders());
        assertThat(figures.filesArchived() + figures.filesInError()).isEqualTo(figures.filesUploaded());
        assertThat(figures.filesInError()).as("files refused").isZero();
        assertThat(figures.requestKeys()).isEqualTo(figures.requestIds()).isEqualTo(figures.releasesDispatched()).isPositive();
        assertThat(figures.invoices()).isEqualTo(figures.acceptances()).isEqualTo(figures.invoiceIds()).isPositive();
        assertThat(figures.hubStarts()).isGreaterThan(settings.kills());
    }
}
