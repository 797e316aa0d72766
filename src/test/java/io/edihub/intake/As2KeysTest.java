package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.As2TestKeys;
import io.edihub.partner.PartnerDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's own AS2 key and certificate: needed only when a partner has an AS2 channel, and then refused at start naming
 * the setting when missing, expired, not yet valid, or not a pair.
 */
class As2KeysTest {

    @TempDir
    Path dir;
    PartnerDirectory withAs2;

    @BeforeEach
    void partnerOverAs2() throws IOException {
        Path partners = Files.createDirectories(dir.resolve("partners"));
        String certificate = As2TestKeys.generate("initech").writeCertificate(dir).toAbsolutePath().toString();
        Files.writeString(partners.resolve("initech.yaml"), "id: initech\nx12:\n  isa-id: INITECH\nas2:\n"
                + "  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: "
                + certificate + "\n");
        withAs2 = PartnerDirectory.load(partners);
    }

    private static As2Settings settings(Path key, Path certificate) {
        return new As2Settings(4080, "/as2", 4081, "/as2/mdn", key == null ? null : key.toString(),
                certificate == null ? null : certificate.toString(), "edihub.local", Duration.ofSeconds(30), "127.0.0.1");
    }

    @Test
    void theBindAddressIsRequiredAndMustBeThisHosts() {
        As2Settings none = new As2Settings(4080, "/as2", 4081, "/as2/mdn", null, null, "edihub.local",
                Duration.ofSeconds(30), " ");
        assertThatThrownBy(() -> As2Routes.bindAddress(none))
                .hasMessageStartingWith("edihub.as2.bind-address (EDIHUB_AS2_BIND_ADDRESS): missing");
        As2Settings elsewhere = new As2Settings(4080, "/as2", 4081, "/as2/mdn", null, null, "edihub.local",
                Duration.ofSeconds(30), "192.0.2.7");
        assertThatThrownBy(() -> As2Routes.bindAddress(elsewhere)).hasMessageContaining("is no address of this host");
        assertThat(As2Routes.bindAddress(settings(null, null)).getHostAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void theListenersTlsContextBindsItsServerSocketsToTheAddress() throws Exception {
        As2TestKeys hub = As2TestKeys.generate("hub");
        javax.net.ssl.SSLContext tls = As2Tls.listener(hub.privateKey(), new java.security.cert.Certificate[] {
                hub.certificate()}, java.net.InetAddress.getLoopbackAddress());
        try (java.net.ServerSocket socket = tls.getServerSocketFactory().createServerSocket(0)) {
            assertThat(socket).isInstanceOf(javax.net.ssl.SSLServerSocket.class);
            assertThat(socket.getInetAddress().isLoopbackAddress()).as("%s", socket).isTrue();
        }
        assertThat(tls.getProtocol()).isEqualTo("TLS");
        assertThat(tls.createSSLEngine()).isNotNull();
    }

    @Test
    void withoutAnAs2PartnerNoKeyIsNeeded() {
        assertThat(As2Keys.load(settings(null, null), new PartnerDirectory(java.util.List.of()), Instant.now()).present())
                .isFalse();
    }

    @Test
    void theHubsPairIsReadFromPem() {
        As2TestKeys hub = As2TestKeys.generate("hub");
        As2Keys keys = As2Keys.load(settings(hub.writePrivateKey(dir), hub.writeCertificate(dir)), withAs2, Instant.now());
        assertThat(keys.present()).isTrue();
        assertThat(keys.certificate()).isEqualTo(hub.certificate());
    }

    @Test
    void aMissingKeyOrCertificateIsRefusedNamingTheSetting() {
        As2TestKeys hub = As2TestKeys.generate("hub");
        assertThatThrownBy(() -> As2Keys.load(settings(null, hub.writeCertificate(dir)), withAs2, Instant.now()))
                .hasMessageContaining("edihub.as2.private-key-file").hasMessageContaining("initech");
        assertThatThrownBy(() -> As2Keys.load(settings(hub.writePrivateKey(dir), null), withAs2, Instant.now()))
                .hasMessageContaining("edihub.as2.certificate-file");
        assertThatThrownBy(() -> As2Keys.load(settings(dir.resolve("none.pem"), hub.writeCertificate(dir)), withAs2,
                Instant.now())).hasMessageContaining("edihub.as2.private-key-file").hasMessageContaining("is missing");
    }

    @Test
    void anExpiredCertificateOrAKeyOfAnotherIsRefused() {
        Instant now = Instant.now();
        As2TestKeys old = As2TestKeys.generate("old", now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        assertThatThrownBy(() -> As2Keys.load(settings(old.writePrivateKey(dir), old.writeCertificate(dir)), withAs2, now))
                .hasMessageContaining("edihub.as2.certificate-file").hasMessageContaining("expired on");
        As2TestKeys hub = As2TestKeys.generate("hub");
        As2TestKeys other = As2TestKeys.generate("other");
        assertThatThrownBy(() -> As2Keys.load(settings(other.writePrivateKey(dir), hub.writeCertificate(dir)), withAs2, now))
                .hasMessageContaining("edihub.as2.private-key-file").hasMessageContaining("is not the one of the certificate");
    }
}
