package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.EmbeddedHubProperties;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub starts, with every partner's route in place, while the SFTP server it polls is unreachable:
 * the supervising route controller keeps trying in the background.
 */
// a hub of its own: it starts with its SFTP server out of reach
@DirtiesContext
@SpringBootTest
class SupervisedStartIT {

    @DynamicPropertySource
    static void sftpServerDown(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        // the embedded server listens on one port, the routes poll another where nothing listens
        int listening = EmbeddedHubProperties.freePort();
        int nothing = EmbeddedHubProperties.freePort();
        registry.add("edihub.local.sftp.port", () -> Integer.toString(listening));
        registry.add("edihub.sftp.port", () -> Integer.toString(nothing));
    }

    @Autowired
    CamelContext camel;

    @Test
    void hubStartsAndKeepsThePartnerRoutesWhileTheirServerIsDown() {
        assertThat(camel.getStatus()).isEqualTo(ServiceStatus.Started);
        assertThat(camel.getRouteController().isSupervising()).isTrue();
        // the supervisor starts the routes in the background, after its initial delay
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(camel.getRouteController().getRouteStatus("receiveOrders-acme")).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRouteController().getRouteStatus("receiveOrders-globex")).isEqualTo(ServiceStatus.Started);
        });
    }
}
