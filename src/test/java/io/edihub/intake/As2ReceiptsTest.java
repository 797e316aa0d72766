package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.As2TestKeys;
import io.edihub.EmbeddedHubProperties;
import io.edihub.outbound.OutboundDocuments.MdnStatus;
import java.security.cert.Certificate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What an MDN is worth, on real MDNs from Camel's AS2 server on loopback: VERIFIED only when signed by the partner's
 * certificate, for our message, processed, with our MIC; INVALID when unsigned, signed by another, for another message
 * or with another MIC; NEGATIVE when the partner refused the message.
 */
class As2ReceiptsTest {

    private static final String INTERCHANGE = "ISA*00*          *00*          *ZZ*EDIHUB         *ZZ*ACMEFED        "
            + "*261120*0800*U*00401*000000902*0*P*>~GS*FA*EDIHUB*ACMEFED*20261120*0800*902*X*004010~ST*997*0001~"
            + "AK1*PO*1002~AK9*A*1*1*1~SE*4*0001~GE*1*902~IEA*1*000000902~";
    private static final As2TestKeys HUB = As2TestKeys.generate("hub");
    private static final As2TestKeys PARTNER = As2TestKeys.generate("partner");
    private static final As2TestKeys OTHER = As2TestKeys.generate("other");
    private static final int PORT = EmbeddedHubProperties.freePort();
    private static CamelContext camel;

    @BeforeAll
    static void partnerServer() throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("hubKey", HUB.privateKey());
        camel.getRegistry().bind("hubChain", new Certificate[] {HUB.certificate()});
        camel.getRegistry().bind("partnerKey", PARTNER.privateKey());
        camel.getRegistry().bind("partnerChain", new Certificate[] {PARTNER.certificate()});
        camel.getRegistry().bind("otherChain", new Certificate[] {OTHER.certificate()});
        // the partner's server speaks TLS on 127.0.0.1 only; the hub's client trusts its certificate
        camel.getRegistry().bind("partnerTls", As2Listeners.onLoopback(PARTNER));
        camel.getRegistry().bind("hubTls", As2Tls.trusting(PARTNER.certificate()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                String server = "as2:server/listen?serverPortNumber=" + PORT + "&decryptingPrivateKey=#partnerKey"
                        + "&sslContext=#partnerTls";
                // signs its MDNs, and takes the hub's messages
                from(server + "&requestUriPattern=/signed&signingPrivateKey=#partnerKey&signingCertificateChain=#partnerChain"
                        + "&signingAlgorithm=SHA256WITHRSA&validateSigningCertificateChain=#hubChain").log("taken");
                // signs nothing
                from(server + "&requestUriPattern=/unsigned&validateSigningCertificateChain=#hubChain").log("taken");
                // knows another certificate than the hub's: refuses the hub's messages
                from(server + "&requestUriPattern=/refusing&signingPrivateKey=#partnerKey"
                        + "&signingCertificateChain=#partnerChain&signingAlgorithm=SHA256WITHRSA"
                        + "&validateSigningCertificateChain=#otherChain").log("taken");
            }
        });
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void onlyASignedProcessedMdnForOurMessageWithOurMicIsVerified() {
        Exchange sent = send("/signed");
        String mic = As2Receipts.expectedMic(INTERCHANGE, "application/edi-x12");
        Object mdn = sent.getMessage().getBody();

        As2Receipts.Verdict verified = As2Receipts.read(mdn, PARTNER.certificate(), messageId(sent), mic);
        assertThat(verified.status()).isEqualTo(MdnStatus.VERIFIED);
        assertThat(verified.detail()).contains("processed", "CN=partner", mic);
        assertThat(verified.originalMessageId()).isEqualTo(messageId(sent));
        assertThat(As2Receipts.originalMessageId(mdn)).isEqualTo(messageId(sent));

        assertThat(As2Receipts.read(mdn, OTHER.certificate(), messageId(sent), mic).status())
                .as("signed by another").isEqualTo(MdnStatus.INVALID);
        assertThat(As2Receipts.read(mdn, PARTNER.certificate(), "<another@edihub.local>", mic).detail())
                .contains("answers message " + messageId(sent) + ", not ours");
        assertThat(As2Receipts.read(mdn, PARTNER.certificate(), messageId(sent), "bm90IG91cnM=").detail())
                .contains("is not the one of what we sent");
    }

    @Test
    void anUnsignedMdnIsInvalidAndARefusalNegative() {
        Exchange unsigned = send("/unsigned");
        As2Receipts.Verdict verdict = As2Receipts.read(unsigned.getMessage().getBody(), PARTNER.certificate(),
                messageId(unsigned), As2Receipts.expectedMic(INTERCHANGE, "application/edi-x12"));
        assertThat(verdict.status()).isEqualTo(MdnStatus.INVALID);
        assertThat(verdict.detail()).contains("the MDN is not signed");

        Exchange refused = send("/refusing");
        As2Receipts.Verdict negative = As2Receipts.read(refused.getMessage().getBody(), PARTNER.certificate(),
                messageId(refused), As2Receipts.expectedMic(INTERCHANGE, "application/edi-x12"));
        assertThat(negative.status()).isEqualTo(MdnStatus.NEGATIVE);
        assertThat(negative.detail()).contains("processed/error: authentication-failed");

        assertThat(As2Receipts.read(null, PARTNER.certificate(), null, null).status()).isEqualTo(MdnStatus.INVALID);
    }

    private static Exchange send(String path) {
        Exchange sent = camel.createProducerTemplate().request("as2:client/send?inBody=ediMessage&targetHostname=127.0.0.1"
                + "&targetPortNumber=" + PORT + "&requestUri=" + path + "&as2From=EDIHUB&as2To=PARTNER&subject=997"
                + "&from=EDIHUB&ediMessageContentType=application/edi-x12&ediMessageCharset=us-ascii"
                + "&as2MessageStructure=SIGNED_ENCRYPTED&signingAlgorithm=SHA256WITHRSA&signingCertificateChain=#hubChain"
                + "&signingPrivateKey=#hubKey&encryptingAlgorithm=AES128_CBC&encryptingCertificateChain=#partnerChain"
                + "&dispositionNotificationTo=EDIHUB&signedReceiptMicAlgorithms=sha-256&sslContext=#hubTls",
                e -> e.getMessage().setBody(INTERCHANGE));
        assertThat(sent.getException()).isNull();
        return sent;
    }

    private static String messageId(Exchange sent) {
        return sent.getProperty(As2Intake.INTERCHANGE, HttpCoreContext.class).getRequest()
                .getFirstHeader(AS2Header.MESSAGE_ID).getValue();
    }
}
