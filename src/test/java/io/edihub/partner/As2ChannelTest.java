package io.edihub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edihub.As2TestKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's {@code as2:} section: read with its defaults, and refused at start naming the file and the key when its
 * certificate is missing, unreadable, expired or not yet valid, an algorithm is unknown, an AS2 id is missing, or the
 * address an MDN sent later needs is not there. The certificates are generated here.
 */
class As2ChannelTest {

    @TempDir
    Path dir;

    private Path partner(String as2) throws IOException {
        return Files.writeString(dir.resolve("initech.yaml"), "id: initech\nx12:\n  isa-id: INITECH\nas2:\n" + as2);
    }

    private String certificate(As2TestKeys keys) {
        return keys.writeCertificate(dir.resolve("certs")).toAbsolutePath().toString();
    }

    @Test
    void aChannelIsReadWithSafeDefaults() throws IOException {
        String file = certificate(As2TestKeys.generate("initech"));
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: https://as2.initech.example/as2\n"
                + "  certificate-file: " + file + "\n");

        PartnerProfile.As2 as2 = PartnerDirectory.load(dir).byId("initech").orElseThrow().as2();

        assertThat(as2.partnerAs2Id()).isEqualTo("INITECH-AS2");
        assertThat(as2.ourAs2Id()).isEqualTo("EDIHUB");
        assertThat(as2.url()).isEqualTo(URI.create("https://as2.initech.example/as2"));
        assertThat(as2.certificate().getSubjectX500Principal().getName()).contains("CN=initech");
        assertThat(as2.mdn()).isEqualTo(PartnerProfile.MdnMode.SYNC);
        assertThat(as2.signingAlgorithm()).isEqualTo("SHA256WITHRSA");
        assertThat(as2.encryptionAlgorithm()).isEqualTo("AES128_CBC");
        assertThat(PartnerDirectory.load(dir).byAs2Id("INITECH-AS2")).map(PartnerProfile::id).contains("initech");
    }

    @Test
    void aPartnerWithoutTheSectionHasNoChannel() throws IOException {
        Files.writeString(dir.resolve("hooli.yaml"), "id: hooli\nx12:\n  isa-id: HOOLI\n");
        assertThat(PartnerDirectory.load(dir).byId("hooli").orElseThrow().usesAs2()).isFalse();
    }

    @Test
    void aMissingOrUnreadableCertificateIsRefusedNamingFileAndKey() throws IOException {
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + dir.resolve("nowhere.pem") + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.certificate-file").hasMessageContaining("is missing");

        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot one\n");
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + garbage + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.certificate-file").hasMessageContaining("unreadable");
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefused() throws IOException {
        Instant now = Instant.now();
        String expired = certificate(As2TestKeys.generate("old", now.minus(400, ChronoUnit.DAYS),
                now.minus(35, ChronoUnit.DAYS)));
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + expired + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.certificate-file").hasMessageContaining("expired on");

        String future = certificate(As2TestKeys.generate("future", now.plus(10, ChronoUnit.DAYS),
                now.plus(400, ChronoUnit.DAYS)));
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + future + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.certificate-file").hasMessageContaining("not valid yet");
    }

    @Test
    void anUnknownOrUnsafeAlgorithmIsRefused() throws IOException {
        String file = certificate(As2TestKeys.generate("initech"));
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + file + "\n  encryption-algorithm: DES_EDE3_CBC\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.encryption-algorithm");
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n"
                + "  certificate-file: " + file + "\n  signing-algorithm: SHA1WITHRSA\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.signing-algorithm");
    }

    @Test
    void aMissingAs2IdOrAsyncAddressIsRefused() throws IOException {
        String file = certificate(As2TestKeys.generate("initech"));
        partner("  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: " + file + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.partner-id");
        partner("  partner-id: INITECH AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: "
                + file + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.partner-id");
        partner("  partner-id: INITECH-AS2\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: "
                + file + "\n  mdn: async\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("initech.yaml")
                .hasMessageContaining("as2.async-mdn-url");
    }

    @Test
    void twoPartnersMayNotShareAnAs2Id() throws IOException {
        String file = certificate(As2TestKeys.generate("initech"));
        partner("  partner-id: SAME\n  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: " + file + "\n");
        Files.writeString(dir.resolve("hooli.yaml"), "id: hooli\nx12:\n  isa-id: HOOLI\nas2:\n  partner-id: SAME\n"
                + "  our-id: EDIHUB\n  url: http://127.0.0.1:4080/as2\n  certificate-file: " + file + "\n");
        assertThatThrownBy(() -> PartnerDirectory.load(dir)).hasMessageContaining("same AS2 id SAME");
    }
}
