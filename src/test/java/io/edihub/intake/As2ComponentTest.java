package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.edihub.As2TestKeys;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.security.cert.Certificate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.camel.component.as2.api.util.MicUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Camel's AS2 component on our Camel line, on its own: a server endpoint (TLS, on 127.0.0.1 only, not on another
 * address of the host) and a client endpoint over https exchange a
 * signed and encrypted X12 interchange, and the client gets a signed synchronous MDN whose signature and MIC hold. What
 * the hub's AS2 routes are built on (docs/as2.md, "Which camel-as2").
 */
class As2ComponentTest {

    private static final String INTERCHANGE = "ISA*00*          *00*          *ZZ*ACMEFED        *ZZ*EDIHUB         "
            + "*261120*0800*U*00401*000000901*0*P*>~GS*PO*ACMEFED*EDIHUB*20261120*0800*901*X*004010~ST*850*0001~"
            + "BEG*00*SA*4500099001**20261120~SE*3*0001~GE*1*901~IEA*1*000000901~";

    @Test
    void aSignedAndEncryptedMessageIsReceivedAndAnsweredWithASignedMdn() throws Exception {
        As2TestKeys server = As2TestKeys.generate("server");
        As2TestKeys client = As2TestKeys.generate("client");
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("serverKey", server.privateKey());
            camel.getRegistry().bind("serverChain", new Certificate[] {server.certificate()});
            camel.getRegistry().bind("clientKey", client.privateKey());
            camel.getRegistry().bind("clientChain", new Certificate[] {client.certificate()});
            // the server speaks TLS on 127.0.0.1 only; the client trusts the server's certificate
            camel.getRegistry().bind("serverTls", As2Listeners.onLoopback(server));
            camel.getRegistry().bind("clientTls", As2Tls.trusting(server.certificate()));
            int listen = port;
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("as2:server/listen?serverPortNumber=" + listen + "&requestUriPattern=/as2"
                            + "&decryptingPrivateKey=#serverKey&signingPrivateKey=#serverKey"
                            + "&signingCertificateChain=#serverChain&signingAlgorithm=SHA256WITHRSA"
                            + "&validateSigningCertificateChain=#clientChain&sslContext=#serverTls")
                            .process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            camel.start();
            As2Listeners.assertOnLoopbackOnly(port);

            Exchange answer = camel.createProducerTemplate().request("as2:client/send?targetHostname=127.0.0.1"
                    + "&targetPortNumber=" + port + "&requestUri=/as2&as2From=ACME&as2To=EDIHUB&subject=test&from=edi@acme.test"
                    + "&ediMessageContentType=application/edi-x12&ediMessageCharset=us-ascii"
                    + "&as2MessageStructure=SIGNED_ENCRYPTED&signingAlgorithm=SHA256WITHRSA"
                    + "&signingCertificateChain=#clientChain&signingPrivateKey=#clientKey&encryptingAlgorithm=AES128_CBC"
                    + "&encryptingCertificateChain=#serverChain&dispositionNotificationTo=edi@acme.test"
                    + "&signedReceiptMicAlgorithms=sha-256&inBody=ediMessage&sslContext=#clientTls",
                    e -> e.getMessage().setBody(INTERCHANGE));

            assertThat(answer.getException()).isNull();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(INTERCHANGE);
            MultipartSignedEntity signed = answer.getMessage().getBody(MultipartSignedEntity.class);
            assertThat(signed).as("a signed MDN").isNotNull();
            assertThat(SigningUtils.isValid(signed, new Certificate[] {server.certificate()})).isTrue();
            DispositionNotificationMultipartReportEntity report =
                    (DispositionNotificationMultipartReportEntity) signed.getSignedDataEntity();
            AS2MessageDispositionNotificationEntity mdn = (AS2MessageDispositionNotificationEntity) report.getPart(1);
            assertThat(mdn.getDispositionType().toString()).isEqualTo("processed");
            assertThat(mdn.getDispositionModifier()).isNull();
            // the MIC the hub checks an MDN by: the digest of the EDI part as it was signed, computed the way the receiver does
            byte[] signedPart = EntityUtils.getContent(EntityUtils.createEDIEntity(
                    INTERCHANGE.getBytes(StandardCharsets.US_ASCII), ContentType.create("application/edi-x12", "us-ascii"),
                    null, false, null));
            assertThat(mdn.getReceivedContentMic().getEncodedMessageDigest())
                    .isEqualTo(Base64.getEncoder().encodeToString(MicUtils.createMic(signedPart, "SHA-256")));
        }
    }
}
