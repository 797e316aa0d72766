package io.edihub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edihub.As2TestKeys;
import io.edihub.EmbeddedHubProperties;
import io.edihub.ops.Watchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * AS2 in and out on the whole hub (docs/as2.md), against an independent AS2 peer that the test starts on loopback with
 * Camel's AS2 component and a key pair of its own: acme. A signed and encrypted 850 gets a positive MDN signed by the
 * hub, with the MIC of what was sent; it enters the same intake as an SFTP file (stored, an order, the 997 and the 855),
 * and the 997 and the 855 come to the peer over AS2, signed by the hub and encrypted to acme, where the peer's MDN for
 * each is verified and recorded on the document. A message signed with a key that is not acme's gets a negative MDN
 * (authentication-failed), is kept with its reason, alerted, and makes no order. Every key and certificate is generated
 * here, in a folder of the test's own.
 */
// a hub of its own: acme has an AS2 channel here, and the hub an AS2 key pair
@DirtiesContext
@SpringBootTest
class As2IT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path FOLDER = Path.of("target", "it-data", "as2-" + UUID.randomUUID());
    private static final As2TestKeys HUB = As2TestKeys.generate("hub");
    private static final As2TestKeys ACME = As2TestKeys.generate("acme");
    private static final As2TestKeys GLOBEX = As2TestKeys.generate("globex");
    private static final As2TestKeys INITECH = As2TestKeys.generate("initech");
    private static final As2TestKeys STRANGER = As2TestKeys.generate("stranger");
    private static final int HUB_PORT = EmbeddedHubProperties.freePort();
    private static final int HUB_MDN_PORT = EmbeddedHubProperties.freePort();
    private static final int PEER_PORT = EmbeddedHubProperties.freePort();
    private static final int GLOBEX_PORT = EmbeddedHubProperties.freePort();
    private static final int INITECH_PORT = EmbeddedHubProperties.freePort();
    private static final int PEER_MDN_PORT = EmbeddedHubProperties.freePort();
    /**
     * Camel's AS2 component sends MDNs later over plain HTTP only, and every AS2 listener here speaks TLS: the MDNs
     * globex sends the hub later, and those the hub sends globex, go through a plain port on 127.0.0.1 that relays to
     * the listener over TLS.
     */
    private static final As2Listeners.Relay TO_HUB_MDNS = relay(HUB_MDN_PORT, HUB);
    private static final As2Listeners.Relay TO_PEER_MDNS = relay(PEER_MDN_PORT, GLOBEX);
    private static final String PO = "4500019101";
    private static final String REFUSED_PO = "4500019102";

    /** What the peer received from the hub, decrypted and checked against the hub's certificate by its AS2 server. */
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    /** What globex's side of the peer received from the hub. */
    private static final List<String> RECEIVED_BY_GLOBEX = new CopyOnWriteArrayList<>();
    /** What initech's side of the peer took from the hub: nothing, it refuses the hub's signature. */
    private static final List<String> RECEIVED_BY_INITECH = new CopyOnWriteArrayList<>();
    /** The MDNs the hub sent the peer later, as globex asked. */
    private static final List<Object> MDNS_LATER = new CopyOnWriteArrayList<>();
    private static CamelContext peer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        EmbeddedHubProperties.register(registry);
        // the suppliers are asked again and again: write every file once
        String partners = partnersWithAcmeOverAs2();
        String key = HUB.writePrivateKey(FOLDER).toString();
        String certificate = HUB.writeCertificate(FOLDER).toString();
        registry.add("edihub.partners-dir", () -> partners);
        registry.add("edihub.as2.port", () -> HUB_PORT);
        registry.add("edihub.as2.mdn-port", () -> HUB_MDN_PORT);
        registry.add("edihub.as2.bind-address", () -> "127.0.0.1");
        registry.add("edihub.as2.private-key-file", () -> key);
        registry.add("edihub.as2.certificate-file", () -> certificate);
        registry.add("edihub.outbox.poll-delay", () -> "100");
    }

    private static String partnersWithAcmeOverAs2() {
        try {
            Path dir = Files.createDirectories(FOLDER.resolve("partners"));
            Files.writeString(dir.resolve("acme.yaml"), Files.readString(Path.of("config/partners/acme.yaml"))
                    + "\nas2:\n  partner-id: ACMEFED-AS2\n  our-id: EDIHUB-AS2\n  url: https://127.0.0.1:" + PEER_PORT
                    + "/peer\n  certificate-file: " + ACME.writeCertificate(FOLDER).toAbsolutePath() + "\n");
            // globex asks for its MDNs later, and sends ours later too
            Files.writeString(dir.resolve("globex.yaml"), Files.readString(Path.of("config/partners/globex.yaml"))
                    + "\nas2:\n  partner-id: GLOBEX-AS2\n  our-id: EDIHUB-AS2\n  url: https://127.0.0.1:" + GLOBEX_PORT
                    + "/peer-globex\n  certificate-file: " + GLOBEX.writeCertificate(FOLDER).toAbsolutePath()
                    + "\n  mdn: async\n  async-mdn-url: http://127.0.0.1:" + TO_HUB_MDNS.port() + "/as2/mdn\n"
                    + "  encryption-algorithm: AES256_CBC\n  signing-algorithm: SHA512WITHRSA\n");
            // initech's AS2 server does not know the hub's certificate: it refuses the hub's messages with signed MDNs
            Files.writeString(dir.resolve("initech.yaml"), "id: initech\nx12:\n  isa-qualifier: ZZ\n  isa-id: INITECH\n"
                    + "as2:\n  partner-id: INITECH-AS2\n  our-id: EDIHUB-AS2\n  url: https://127.0.0.1:" + INITECH_PORT
                    + "/peer-initech\n  certificate-file: " + INITECH.writeCertificate(FOLDER).toAbsolutePath() + "\n");
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Watchdog watchdog;
    @Autowired
    CamelContext camel;

    /** The route controller starts the hub's AS2 server with the other routes, after the context is up. */
    @BeforeEach
    void as2ServerStarted() {
        await().atMost(WAIT).until(() -> camel.getRouteController().getRouteStatus("receiveAs2Messages") != null
                && camel.getRouteController().getRouteStatus("receiveAs2Messages").isStarted());
    }

    /** The peer: acme's AS2 server, which takes what the hub sends only signed by the hub and encrypted to acme. */
    @BeforeAll
    static void startPeer() throws Exception {
        peer = new DefaultCamelContext();
        peer.getRegistry().bind("acmeKey", ACME.privateKey());
        peer.getRegistry().bind("acmeChain", new Certificate[] {ACME.certificate()});
        peer.getRegistry().bind("strangerKey", STRANGER.privateKey());
        peer.getRegistry().bind("strangerChain", new Certificate[] {STRANGER.certificate()});
        peer.getRegistry().bind("hubChain", new Certificate[] {HUB.certificate()});
        peer.getRegistry().bind("initechKey", INITECH.privateKey());
        peer.getRegistry().bind("initechChain", new Certificate[] {INITECH.certificate()});
        peer.getRegistry().bind("globexKey", GLOBEX.privateKey());
        peer.getRegistry().bind("globexChain", new Certificate[] {GLOBEX.certificate()});
        // each of the peer's servers speaks TLS with its partner's pair, on 127.0.0.1 only; its client trusts the hub's
        peer.getRegistry().bind("acmeTls", As2Listeners.onLoopback(ACME));
        peer.getRegistry().bind("globexTls", As2Listeners.onLoopback(GLOBEX));
        peer.getRegistry().bind("initechTls", As2Listeners.onLoopback(INITECH));
        peer.getRegistry().bind("hubTls", As2Tls.trusting(HUB.certificate()));
        peer.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("as2:server/listen?serverPortNumber=" + PEER_PORT + "&requestUriPattern=/peer"
                        + "&decryptingPrivateKey=#acmeKey&signingPrivateKey=#acmeKey&signingCertificateChain=#acmeChain"
                        + "&signingAlgorithm=SHA256WITHRSA&validateSigningCertificateChain=#hubChain&sslContext=#acmeTls")
                        .routeId("acmePeer")
                        .process(e -> RECEIVED.add(e.getMessage().getBody(String.class)));
                from("as2:server/listen?serverPortNumber=" + GLOBEX_PORT + "&requestUriPattern=/peer-globex"
                        + "&decryptingPrivateKey=#globexKey&signingPrivateKey=#globexKey&signingCertificateChain=#globexChain"
                        + "&signingAlgorithm=SHA256WITHRSA&validateSigningCertificateChain=#hubChain&sslContext=#globexTls")
                        .routeId("globexPeer")
                        .process(e -> RECEIVED_BY_GLOBEX.add(e.getMessage().getBody(String.class)));
                from("as2:server/listen?serverPortNumber=" + INITECH_PORT + "&requestUriPattern=/peer-initech"
                        + "&decryptingPrivateKey=#initechKey&signingPrivateKey=#initechKey"
                        + "&signingCertificateChain=#initechChain&signingAlgorithm=SHA256WITHRSA"
                        + "&validateSigningCertificateChain=#strangerChain&sslContext=#initechTls")
                        .routeId("initechPeer")
                        .process(e -> RECEIVED_BY_INITECH.add(e.getMessage().getBody(String.class)));
                from("as2:receipt/receive?asyncMdnPortNumber=" + PEER_MDN_PORT + "&requestUriPattern=/mdn"
                        + "&sslContext=#globexTls")
                        .routeId("peerMdnsLater")
                        .process(e -> MDNS_LATER.add(e.getMessage().getBody()));
            }
        });
        peer.start();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
        TO_HUB_MDNS.close();
        TO_PEER_MDNS.close();
    }

    private static As2Listeners.Relay relay(int port, As2TestKeys listener) {
        try {
            return new As2Listeners.Relay(port, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every AS2 listener, the hub's and the peer's, is on loopback only, not on another address of the host. */
    @Test
    void everyAs2ListenerIsOnLoopbackOnly() throws Exception {
        await().atMost(WAIT).until(() -> camel.getRouteController().getRouteStatus("receiveAs2Receipts") != null
                && camel.getRouteController().getRouteStatus("receiveAs2Receipts").isStarted());
        for (int port : new int[] {HUB_PORT, HUB_MDN_PORT, PEER_PORT, GLOBEX_PORT, INITECH_PORT, PEER_MDN_PORT}) {
            As2Listeners.assertOnLoopbackOnly(port);
        }
    }

    @Test
    void aSignedAndEncrypted850IsTakenAndAnsweredOverAs2AndABadSignatureIsRefused() throws Exception {
        String order = order(PO, "000019101");
        Exchange sent = send(order, "acmeKey", "acmeChain");

        // the MDN: signed by the hub, processed, the MIC of what acme signed
        MultipartSignedEntity signed = sent.getMessage().getBody(MultipartSignedEntity.class);
        assertThat(signed).as("a signed MDN in the answer").isNotNull();
        assertThat(SigningUtils.isValid(signed, new Certificate[] {HUB.certificate()})).isTrue();
        AS2MessageDispositionNotificationEntity mdn = notification(signed);
        assertThat(mdn.getDispositionType().toString()).isEqualTo("processed");
        assertThat(mdn.getDispositionModifier()).isNull();
        assertThat(mdn.getReceivedContentMic().getEncodedMessageDigest())
                .isEqualTo(As2Receipts.expectedMic(order, "application/edi-x12"));

        // the same intake as an SFTP file: stored as it came, over AS2, taken, an order
        Map<String, Object> input = jdbc.queryForMap("select id, channel, outcome, content from inbound_document "
                + "where partner_id = 'acme' and channel = 'AS2' and position(? in convert_from(content, 'LATIN1')) > 0",
                PO);
        assertThat(input).containsEntry("outcome", "ACCEPTED");
        assertThat(new String((byte[]) input.get("content"), StandardCharsets.ISO_8859_1)).isEqualTo(order);
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = ?", Integer.class, PO))
                .isOne();

        // its 997 and its 855 reach acme over AS2, and acme's MDN for each is verified on the document
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(RECEIVED).anyMatch(x12 -> x12.contains("ST*997*") && x12.contains("AK1*PO*1002"));
            assertThat(RECEIVED).anyMatch(x12 -> x12.contains("ST*855*") && x12.contains("*" + PO + "*"));
        });
        long documentId = ((Number) input.get("id")).longValue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("select kind, mdn_status, as2_message_id, "
                        + "written_at, mdn_detail from outbound_document where inbound_document_id = ? order by kind",
                documentId)).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("mdn_status")).as("%s", row).isEqualTo("VERIFIED");
                    assertThat(row.get("as2_message_id")).isNotNull();
                    assertThat(row.get("written_at")).isNotNull();
                    assertThat((String) row.get("mdn_detail")).contains("processed", "CN=acme");
                }));
        assertThat(jdbc.queryForList("select kind from outbound_document where inbound_document_id = ? order by kind",
                String.class, documentId)).containsExactly("855", "997");

        // signed with a key that is not acme's: refused with a negative MDN, kept with the reason, alerted, no order
        String forged = order(REFUSED_PO, "000019102");
        AS2MessageDispositionNotificationEntity refusal = notification(
                send(forged, "strangerKey", "strangerChain").getMessage().getBody(MultipartSignedEntity.class));
        assertThat(refusal.getDispositionModifier()).hasToString("error: authentication-failed");
        Map<String, Object> refused = jdbc.queryForMap("select id, channel, outcome, error_report, content from "
                + "inbound_document where partner_id = 'acme' and channel = 'AS2' "
                + "and position(? in convert_from(content, 'LATIN1')) > 0", REFUSED_PO);
        assertThat(refused).containsEntry("outcome", "REJECTED");
        assertThat((String) refused.get("error_report")).contains("signature is not verified by the partner's certificate",
                "processed/error: authentication-failed");
        assertThat(new String((byte[]) refused.get("content"), StandardCharsets.ISO_8859_1)).isEqualTo(forged);
        assertThat(jdbc.queryForObject("select count(*) from alert where kind = 'AS2_MESSAGE_REFUSED' and partner_id = 'acme' "
                + "and closed_at is null and detail like '%input ' || ? || '%'", Integer.class, refused.get("id").toString()))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where po_number = ?", Integer.class,
                REFUSED_PO)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from outbound_document where inbound_document_id = ?",
                Integer.class, refused.get("id"))).as("no answer but the negative MDN").isZero();

        // nothing lost: every document of acme's went over AS2 and has its verified MDN; none is left to deliver
        assertThat(jdbc.queryForObject("select count(*) from outbound_document where partner_id = 'acme' "
                + "and (written_at is null or mdn_status is distinct from 'VERIFIED')", Integer.class)).isZero();
        assertThat(RECEIVED).hasSize(2);

        // an MDN that never came: the watchdog alerts after acme's acknowledgment threshold, as on a missing 997, and
        // closes the alert once the MDN is there
        long answer = jdbc.queryForObject("select id from outbound_document where inbound_document_id = ? and kind = '997'",
                Long.class, documentId);
        jdbc.update("update outbound_document set mdn_status = 'PENDING', as2_sent_at = as2_sent_at - interval '400 days' "
                + "where id = ?", answer);
        try {
            // the pass of the test, or the route's own in between: either opens it once
            watchdog.check();
            assertThat(jdbc.queryForObject("select detail from alert where kind = 'MDN_OVERDUE' and closed_at is null",
                    String.class)).contains("sent over AS2", "has no MDN from acme");
        } finally {
            jdbc.update("update outbound_document set mdn_status = 'VERIFIED', as2_sent_at = as2_sent_at + interval '400 days' "
                    + "where id = ?", answer);
        }
        watchdog.check();
        assertThat(jdbc.queryForObject("select count(*) from alert where kind = 'MDN_OVERDUE' and closed_at is null",
                Integer.class)).isZero();
    }

    @Test
    void mdnsSentLaterAreSentAndVerifiedBothWays() throws Exception {
        String order = new String(Files.readAllBytes(Path.of("edi-samples/globex/blanket-year-month.edi")),
                StandardCharsets.US_ASCII).replace("GX-88001", "GX-19103").replace("*000000201*1*P*>~", "*000019103*1*P*>~")
                .replace("IEA*1*000000201~", "IEA*1*000019103~");

        // globex asks for the hub's MDN later, at its own address: none in the answer, a signed positive one there
        Exchange sent = send(order, "globexKey", "globexChain", "GLOBEX-AS2",
                "&receiptDeliveryOption=http://127.0.0.1:" + TO_PEER_MDNS.port() + "/mdn");
        assertThat(sent.getMessage().getBody()).as("no MDN in the answer").isNull();
        await().atMost(WAIT).until(() -> !MDNS_LATER.isEmpty());
        MultipartSignedEntity later = (MultipartSignedEntity) MDNS_LATER.get(0);
        assertThat(SigningUtils.isValid(later, new Certificate[] {HUB.certificate()})).isTrue();
        assertThat(notification(later).getDispositionType().toString()).isEqualTo("processed");
        assertThat(notification(later).getDispositionModifier()).isNull();
        assertThat(notification(later).getReceivedContentMic().getEncodedMessageDigest())
                .isEqualTo(As2Receipts.expectedMic(order, "application/edi-x12"));

        // the hub's answers reach globex (AES-256, SHA-512), and globex's MDNs, sent later to the hub, are verified on them
        long documentId = jdbc.queryForObject("select id from inbound_document where partner_id = 'globex' "
                + "and channel = 'AS2' and position('GX-19103' in convert_from(content, 'LATIN1')) > 0", Long.class);
        await().atMost(WAIT).untilAsserted(() -> assertThat(RECEIVED_BY_GLOBEX).anyMatch(x12 -> x12.contains("ST*997*")));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("select kind, mdn_status, mdn_received_at, "
                        + "mdn_detail from outbound_document where inbound_document_id = ?", documentId))
                .isNotEmpty().allSatisfy(row -> {
                    assertThat(row.get("mdn_status")).as("%s", row).isEqualTo("VERIFIED");
                    assertThat(row.get("mdn_received_at")).isNotNull();
                    assertThat((String) row.get("mdn_detail")).contains("CN=globex");
                }));
    }

    @Test
    void aNegativeMdnIsRecordedAndAlertedAtOnce() throws Exception {
        String order = order("4500019104", "000019104").replace("*ACMEFED        *", "*INITECH        *")
                .replace("GS*PO*ACMEFED*", "GS*PO*INITECH*");
        assertThat(notification(send(order, "initechKey", "initechChain", "INITECH-AS2", "").getMessage()
                .getBody(MultipartSignedEntity.class)).getDispositionModifier()).isNull();

        // initech refuses the hub's answer with an MDN it signed: NEGATIVE on the document, alerted at once, delivered once
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("select mdn_status, mdn_detail, written_at "
                + "from outbound_document where partner_id = 'initech'")).isNotEmpty().allSatisfy(row -> {
                    assertThat(row.get("mdn_status")).as("%s", row).isEqualTo("NEGATIVE");
                    assertThat((String) row.get("mdn_detail")).contains("authentication-failed");
                    assertThat(row.get("written_at")).isNotNull();
                }));
        assertThat(jdbc.queryForList("select detail from alert where kind = 'AS2_MDN_NOT_VERIFIED' and partner_id = 'initech' "
                + "and closed_at is null", String.class)).isNotEmpty()
                .allSatisfy(detail -> assertThat(detail).contains("its MDN is NEGATIVE", "authentication-failed"));
        assertThat(RECEIVED_BY_INITECH).isEmpty();
    }

    /** The peer sends an interchange to the hub as acme, signed with the given key and encrypted to the hub. */
    private static Exchange send(String interchange, String key, String chain) {
        return send(interchange, key, chain, "ACMEFED-AS2", "");
    }

    private static Exchange send(String interchange, String key, String chain, String as2From, String more) {
        Exchange answer = peer.createProducerTemplate().request("as2:client/send?inBody=ediMessage&targetHostname=127.0.0.1"
                + "&targetPortNumber=" + HUB_PORT + "&requestUri=/as2&as2From=" + as2From + "&as2To=EDIHUB-AS2" + more
                + "&subject=orders&from=edi@acme.test&ediMessageContentType=application/edi-x12&ediMessageCharset=us-ascii"
                + "&as2MessageStructure=SIGNED_ENCRYPTED&signingAlgorithm=SHA256WITHRSA&signingCertificateChain=#" + chain
                + "&signingPrivateKey=#" + key + "&encryptingAlgorithm=AES128_CBC&encryptingCertificateChain=#hubChain"
                + "&dispositionNotificationTo=edi@acme.test&signedReceiptMicAlgorithms=sha-256&sslContext=#hubTls",
                e -> e.getMessage().setBody(interchange));
        assertThat(answer.getException()).isNull();
        return answer;
    }

    private static AS2MessageDispositionNotificationEntity notification(MultipartSignedEntity signed) {
        DispositionNotificationMultipartReportEntity report = (DispositionNotificationMultipartReportEntity) signed
                .getSignedDataEntity();
        for (int i = 0; i < report.getPartCount(); i++) {
            if (report.getPart(i) instanceof AS2MessageDispositionNotificationEntity mdn) {
                return mdn;
            }
        }
        throw new AssertionError("no disposition notification in the MDN");
    }

    private static String order(String poNumber, String isa13) throws IOException {
        return Files.readString(Path.of("edi-samples/acme/standalone-no-schedule.edi"), StandardCharsets.US_ASCII)
                .replace("4500012400", poNumber).replace("*000000102*0*P*>~", "*" + isa13 + "*0*P*>~")
                .replace("IEA*1*000000102~", "IEA*1*" + isa13 + "~");
    }
}
