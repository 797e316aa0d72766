package io.edihub.intake;

import io.edihub.ops.Alerts;
import io.edihub.ops.EdiHubHeaders;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.outbound.OutboundDocuments.MdnStatus;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the delivery route calls for a document of a partner with an AS2 channel (and the {@code receiveAs2Receipts}
 * route for an MDN that comes later): the {@code as2:client/send} endpoint that sends it to the partner signed with the
 * hub's key and encrypted to the partner's certificate, asking for a signed MDN with a SHA-256 MIC; then the MDN read
 * ({@link As2Receipts}) and recorded on the document, and alerted at once when negative or not verifiable. A missing MDN
 * is the watchdog's ({@code MDN_OVERDUE}).
 */
@Component("as2Delivery")
public class As2Delivery {

    /** Exchange property: the endpoint the document goes to. */
    public static final String URI_PROPERTY = "EdiHubAs2Uri";
    /** Exchange property: the MIC the partner's MDN must return. */
    public static final String MIC_PROPERTY = "EdiHubAs2Mic";
    /** The header Camel's AS2 client takes the message's subject from. */
    static final String SUBJECT_HEADER = "CamelAs2.subject";
    /** The alert kind of an MDN that refuses our message or cannot be verified. */
    static final String MDN_ALERT = "AS2_MDN_NOT_VERIFIED";
    /** How long an MDN sent later waits for the record of the message it answers. */
    static final java.time.Duration RECORD_WAIT = java.time.Duration.ofSeconds(10);
    /** The registry name of a partner's certificate, as the AS2 endpoints take it. */
    static final String PARTNER_CERTIFICATE = "as2Certificate-";

    private static final Logger LOG = LoggerFactory.getLogger(As2Delivery.class);

    private final PartnerDirectory partners;
    private final OutboundDocuments documents;
    private final Alerts alerts;
    private final As2Settings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    As2Delivery(PartnerDirectory partners, OutboundDocuments documents, Alerts alerts, As2Settings settings,
            TransactionTemplate transactions, Clock clock) {
        this.partners = partners;
        this.documents = documents;
        this.alerts = alerts;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** True when the partner's documents go over AS2 rather than to its SFTP folder. */
    public boolean usesAs2(@Header(EdiHubHeaders.PARTNER) String partnerId) {
        return partners.byId(partnerId).map(PartnerProfile::usesAs2).orElse(false);
    }

    /** Sets {@link #URI_PROPERTY} and {@link #MIC_PROPERTY} for the document in the body. */
    public void prepare(Exchange exchange) {
        String partnerId = exchange.getMessage().getHeader(EdiHubHeaders.PARTNER, String.class);
        String content = exchange.getMessage().getBody(String.class);
        PartnerProfile partner = partners.byId(partnerId).orElseThrow();
        String contentType = As2Receipts.contentType(content);
        exchange.setProperty(URI_PROPERTY, clientUri(partner, contentType));
        // the subject names the document; as a header, so that the endpoint (and its connections) is one per partner
        exchange.getMessage().setHeader(SUBJECT_HEADER, exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class));
        exchange.setProperty(MIC_PROPERTY, As2Receipts.expectedMic(content, contentType));
    }

    String clientUri(PartnerProfile partner, String contentType) {
        PartnerProfile.As2 as2 = partner.as2();
        URI url = as2.url();
        boolean https = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder uri = new StringBuilder("as2:client/send?inBody=ediMessage")
                .append("&targetHostname=").append(url.getHost()).append("&targetPortNumber=").append(port)
                .append("&requestUri=RAW(").append(path).append(')')
                .append("&as2From=RAW(").append(as2.ourAs2Id()).append(")&as2To=RAW(").append(as2.partnerAs2Id()).append(')')
                .append("&subject=EDI&from=RAW(").append(as2.ourAs2Id()).append(')')
                .append("&clientFqdn=").append(settings.serverName())
                .append("&ediMessageContentType=").append(contentType).append("&ediMessageCharset=us-ascii")
                .append("&as2MessageStructure=SIGNED_ENCRYPTED")
                .append("&signingAlgorithm=").append(as2.signingAlgorithm())
                .append("&signingCertificateChain=#").append(As2Routes.HUB_CHAIN)
                .append("&signingPrivateKey=#").append(As2Routes.HUB_KEY)
                .append("&encryptingAlgorithm=").append(as2.encryptionAlgorithm())
                .append("&encryptingCertificateChain=#").append(PARTNER_CERTIFICATE).append(partner.id())
                .append("&dispositionNotificationTo=RAW(").append(as2.ourAs2Id()).append(')')
                .append("&signedReceiptMicAlgorithms=").append(As2Receipts.MIC_ALGORITHM)
                .append("&httpSocketTimeout=").append(settings.timeout().toMillis())
                .append("&httpConnectionTimeout=").append(settings.timeout().toMillis());
        if (as2.mdn() == PartnerProfile.MdnMode.ASYNC) {
            uri.append("&receiptDeliveryOption=RAW(").append(as2.asyncMdnUrl()).append(')');
        }
        if (https) {
            // TLS trusting what the JVM trusts and the partner's AS2 certificate; the host name is verified
            uri.append("&sslContext=#").append(As2Routes.PARTNER_TLS).append(partner.id());
        }
        return uri.toString();
    }

    /**
     * The document went: its Message-ID and MIC are recorded, with the MDN that came in the answer (verified, or
     * alerted at once when it refuses the message or cannot be verified), or PENDING until it comes later.
     */
    public void sent(Exchange exchange) {
        long id = exchange.getMessage().getHeader(EdiHubHeaders.OUTBOUND_ID, Long.class);
        String partnerId = exchange.getMessage().getHeader(EdiHubHeaders.PARTNER, String.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        PartnerProfile partner = partners.byId(partnerId).orElseThrow();
        HttpCoreContext context = exchange.getProperty(As2Intake.INTERCHANGE, HttpCoreContext.class);
        HttpRequest request = context.getRequest();
        String messageId = request.getFirstHeader(AS2Header.MESSAGE_ID).getValue();
        String mic = exchange.getProperty(MIC_PROPERTY, String.class);
        Object answer = exchange.getMessage().getBody();
        As2Receipts.Verdict verdict = answer == null ? null
                : As2Receipts.read(answer, partner.as2().certificate(), messageId, mic);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            documents.sentOverAs2(id, messageId, mic, now, verdict == null ? null : verdict.status(),
                    verdict == null ? null : verdict.detail());
            if (verdict != null) {
                alertUnlessVerified(partnerId, fileName, messageId, verdict);
            }
        });
        LOG.info("{} sent to {} over AS2 as {}: MDN {}", fileName, partnerId, messageId,
                verdict == null ? "to come" : verdict.status() + " (" + verdict.detail() + ")");
    }

    /**
     * An MDN the partner sent later ({@code mdn: async}): found by the Message-ID of our message it answers (an MDN
     * sent later need not say AS2-From; Camel's does not), then read against the certificate of the partner that
     * message went to and recorded on its document. One that answers no message of ours, or says it comes from
     * another partner, is alerted and recorded nowhere.
     */
    public void receipt(Exchange exchange) {
        HttpCoreContext context = exchange.getProperty(As2Intake.INTERCHANGE, HttpCoreContext.class);
        ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
        String as2From = HttpMessageUtils.getHeaderValue(request, AS2Header.AS2_FROM);
        Object entity = exchange.getMessage().getBody();
        String original = As2Receipts.originalMessageId(entity);
        Optional<OutboundDocuments.SentOverAs2> sent = original == null ? Optional.empty() : sentOverAs2(original);
        Optional<PartnerProfile> partner = sent.flatMap(s -> partners.byId(s.partnerId()))
                .filter(PartnerProfile::usesAs2);
        if (partner.isEmpty() || (as2From != null && !partner.get().as2().partnerAs2Id().equals(as2From.strip()))) {
            alerts.raise(MDN_ALERT, "MDN for " + original, partner.map(PartnerProfile::id).orElse(null), null, null, null,
                    "an MDN came later (AS2-From '" + as2From + "') for message " + original + ", which the hub did not "
                            + "send " + (partner.isEmpty() ? "to an AS2 partner" : "to that sender") + "; nothing was recorded");
            LOG.warn("MDN for {} (AS2-From {}) answers no message of ours to its sender: not recorded", original, as2From);
            return;
        }
        As2Receipts.Verdict verdict = As2Receipts.read(entity, partner.get().as2().certificate(), original,
                sent.get().mic());
        transactions.executeWithoutResult(status -> {
            documents.mdnReceived(sent.get().id(), verdict.status(), verdict.detail(), clock.instant());
            alertUnlessVerified(partner.get().id(), sent.get().fileName(), original, verdict);
        });
        LOG.info("MDN from {} for {} ({}): {} ({})", partner.get().id(), sent.get().fileName(), original, verdict.status(),
                verdict.detail());
    }

    /**
     * The document sent under this Message-ID. A partner may send its MDN the moment it has our message, before the
     * delivery route has recorded what it sent under which Message-ID (it learns the id only from the answer): the MDN
     * waits for that record a little, at most {@link #RECORD_WAIT}.
     */
    private Optional<OutboundDocuments.SentOverAs2> sentOverAs2(String messageId) {
        long until = System.nanoTime() + RECORD_WAIT.toNanos();
        Optional<OutboundDocuments.SentOverAs2> sent = documents.sentOverAs2(messageId);
        while (sent.isEmpty() && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(100).toNanos());
            sent = documents.sentOverAs2(messageId);
        }
        return sent;
    }

    private void alertUnlessVerified(String partnerId, String fileName, String messageId, As2Receipts.Verdict verdict) {
        if (verdict.status() == MdnStatus.VERIFIED) {
            return;
        }
        alerts.raise(MDN_ALERT, fileName, partnerId, null, null, null, "our " + fileName + " sent to " + partnerId
                + " over AS2 as " + messageId + ": its MDN is " + verdict.status() + ": " + verdict.detail()
                + "; ask the partner, and send the document again if it did not take it");
    }
}
