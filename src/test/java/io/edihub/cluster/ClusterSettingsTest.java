package io.edihub.cluster;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Timings that cannot work are refused at start, naming the properties. */
class ClusterSettingsTest {

    @Test
    void aLeaderMustRenewItsLockBeforeItExpires() {
        assertThatThrownBy(() -> new ClusterSettings("hub-1", Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(15)))
                .hasMessageContaining("edihub.cluster.leader-heartbeat (PT10S)")
                .hasMessageContaining("shorter than edihub.cluster.leader-lock-for (PT10S)");
    }

    @Test
    void aFileClaimMustBeRenewedBeforeItIsTakenOver() {
        assertThatThrownBy(() -> new ClusterSettings("hub-1", Duration.ofSeconds(10), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ZERO))
                .hasMessageContaining("edihub.cluster.file-claim-renew (PT0S) must be positive");
    }
}
