package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import io.edihub.EmbeddedHubProperties;
import io.edihub.PartnerSftpClient;
import io.edihub.canonical.Release;
import io.edihub.local.FreePort;
import io.edihub.local.LocalSftpServer;
import io.edihub.local.SftpAccount;
import io.edihub.order.OrderStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A partner whose folders are on its own SFTP server: acme's profile names a second server (another real MINA
 * SSHD server here) that the hub logs in to with its private key. acme uploads there and finds the 997 there,
 * and its input is archived there; globex stays on the hub's server.
 */
// a hub of its own: acme's profile names acme's own SFTP server
@DirtiesContext
@SpringBootTest
class PartnerOwnSftpServerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path WORK = Path.of("target", "it-data", "own-sftp-" + UUID.randomUUID()).toAbsolutePath();
    private static LocalSftpServer acmeServer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedHubProperties.register(registry);
        // acme's own server: the hub's account there takes only the hub's key
        LocalSftpServer.Settings settings = LocalSftpServer.Settings.of(WORK.resolve("acme-server"), FreePort.find());
        Path authorizedKeys = Files.createDirectories(WORK.resolve("acme-server/sftp/authorized_keys"));
        Path privateKey = WORK.resolve("hub-key-for-acme");
        KeyPair key = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
        key.writePublicKey(authorizedKeys.resolve("edihub.pub").toString(), "edi-hub");
        key.writePrivateKey(privateKey.toString());
        key.dispose();
        acmeServer = LocalSftpServer.start(settings, List.of(new SftpAccount("acme", "acme")));

        Path partners = Files.createDirectories(WORK.resolve("partners"));
        String acme = Files.readString(Path.of("config/partners/acme.yaml")).replace("""
                sftp:
                  account: acme
                  directory: acme
                """, """
                sftp:
                  account: acme
                  directory: acme
                  server:
                    host: 127.0.0.1
                    port: %d
                    username: edihub
                    known-hosts-file: %s
                    private-key-file: %s
                """.formatted(acmeServer.port(), acmeServer.knownHostsFile(), privateKey));
        assertThat(acme).contains("private-key-file");
        Files.writeString(partners.resolve("acme.yaml"), acme);
        Files.copy(Path.of("config/partners/globex.yaml"), partners.resolve("globex.yaml"));
        registry.add("edihub.partners-dir", partners::toString);
    }

    @AfterAll
    static void stopAcmeServer() {
        if (acmeServer != null) {
            acmeServer.close();
        }
    }

    @Autowired
    LocalSftpServer hubServer;
    @Autowired
    OrderStore orders;
    @Autowired
    CamelContext camel;
    @Autowired
    @Qualifier("sftpHealthContributor")
    CompositeHealthContributor sftpHealth;

    @Test
    void anOrderUploadedToThePartnersOwnServerIsAnsweredAndArchivedThere() throws Exception {
        try (PartnerSftpClient acme = new PartnerSftpClient(acmeServer.connectionFor("acme"))) {
            acme.upload("po-blanket.edi", Files.readAllBytes(Path.of("edi-samples/acme/blanket-12-month-schedule.edi")));

            await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("archive")).anyMatch(n -> n.endsWith("-po-blanket.edi")));
            assertThat(acme.list("inbound")).isEmpty();
            // the 997 and the 855 wait in outbound/ on acme's server, fully written
            await().atMost(WAIT).untilAsserted(() -> assertThat(acme.list("outbound"))
                    .anyMatch(n -> n.startsWith("997-") && n.endsWith("-for-000000101.x12"))
                    .anyMatch(n -> n.startsWith("855-")).noneMatch(n -> n.endsWith(".part")));
            String ack = acme.read("outbound/" + acme.list("outbound").stream().filter(n -> n.startsWith("997-")).findFirst()
                    .orElseThrow());
            assertThat(ack).contains("AK1*PO*1001~", "AK5*A~");
        }
        assertThat(orders.releases("acme", "4500012345")).extracting(Release::releaseId).startsWith("4500012345-01");
        // the hub's own server holds no folder of acme's
        assertThat(hubServer.rootDirectory().resolve("acme")).doesNotExist();
        assertThat(hubServer.rootDirectory().resolve("globex/inbound")).isDirectory();
    }

    @Test
    void theRouteAndTheHealthCheckUseThePartnersServerAndTheHubsKey() {
        // the supervising route controller starts the routes in the background
        await().atMost(WAIT).until(() -> camel.getRoute("receiveOrders-acme") != null && camel.getRoute("receiveOrders-globex") != null);
        String endpoint = camel.getRoute("receiveOrders-acme").getEndpoint().getEndpointUri();
        assertThat(endpoint).contains("127.0.0.1:" + acmeServer.port() + "/acme/inbound").contains("privateKeyFile=");
        assertThat(camel.getRoute("receiveOrders-globex").getEndpoint().getEndpointUri())
                .contains(":" + hubServer.port() + "/globex/inbound");

        HealthIndicator acme = (HealthIndicator) sftpHealth.getContributor("acme");
        await().atMost(WAIT).untilAsserted(() -> assertThat(acme.health().getStatus()).isEqualTo(Status.UP));
        assertThat(acme.health().getDetails()).containsEntry("server", "127.0.0.1:" + acmeServer.port());
    }
}
