package io.edihub.intake;

import io.edihub.document.OrderFormat;
import io.edihub.ops.Alerts;
import io.edihub.ops.EdiHubHeaders;
import io.edihub.outbound.OutboundDocuments;
import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.component.as2.api.AS2Header;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.ApplicationPkcs7MimeEnvelopedDataEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.protocol.ResponseMDN;
import org.apache.camel.component.as2.api.util.HttpMessageUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code receiveAs2Messages} route calls for every AS2 message a partner sends: who sent it (its AS2-From, and
 * a signature that the partner's own certificate verifies), and either the decrypted payload handed to the same intake
 * as a file from the partner's SFTP folder ({@code direct:receivePartnerFile}: stored, read, answered, duplicates
 * refused), or the message refused: kept with its reason, alerted, and answered with a negative MDN. Camel's AS2 server
 * decrypts the message and signs the MDN; the signature is checked here, against the one partner the message claims to
 * come from, rather than by the component against every partner's certificate at once.
 */
@Component("as2Intake")
public class As2Intake {

    /** Where Camel's AS2 consumer puts the HTTP exchange of the message (its request, and the MDN's attributes). */
    static final String INTERCHANGE = "CamelAs2.interchange";
    /** Exchange property: the message was refused (and answered with a negative MDN): it goes no further. */
    public static final String REFUSED = "EdiHubAs2Refused";
    /** The alert kind of a refused AS2 message. */
    static final String REFUSED_ALERT = "AS2_MESSAGE_REFUSED";
    /** The channel of an input that came over AS2, as stored with it. */
    static final String CHANNEL = "AS2";

    private static final Logger LOG = LoggerFactory.getLogger(As2Intake.class);

    private final PartnerDirectory partners;
    private final As2Keys keys;
    private final InboundDocuments documents;
    private final OutboundDocuments outbound;
    private final Alerts alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    As2Intake(PartnerDirectory partners, As2Keys keys, InboundDocuments documents, OutboundDocuments outbound, Alerts alerts,
            TransactionTemplate transactions, Clock clock) {
        this.partners = partners;
        this.keys = keys;
        this.documents = documents;
        this.outbound = outbound;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Says which partner sent the message and whether it is taken. Taken: the partner in {@link EdiHubHeaders#PARTNER},
     * the channel in {@link EdiHubHeaders#CHANNEL}, a file name made of the AS2 Message-ID (the same message sent again
     * has the same name, so an unfinished one resumes as a file would), and the payload's bytes as the body. Refused:
     * {@link #REFUSED} set and the MDN made negative.
     */
    public void identify(Exchange exchange) {
        Message message = exchange.getMessage();
        HttpCoreContext context = exchange.getProperty(INTERCHANGE, HttpCoreContext.class);
        ClassicHttpRequest request = (ClassicHttpRequest) context.getRequest();
        String as2From = HttpMessageUtils.getHeaderValue(request, AS2Header.AS2_FROM);
        String as2To = HttpMessageUtils.getHeaderValue(request, AS2Header.AS2_TO);
        String messageId = HttpMessageUtils.getHeaderValue(request, AS2Header.MESSAGE_ID);
        String fileName = fileName(messageId);
        byte[] payload = payload(message.getBody());
        Optional<PartnerProfile> sender = as2From == null ? Optional.empty() : partners.byAs2Id(as2From.strip());
        if (sender.isEmpty()) {
            refuse(exchange, context, null, fileName, payload, AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    "AS2-From '" + as2From + "' is no partner's AS2 id (as2.partner-id)");
            return;
        }
        PartnerProfile partner = sender.get();
        PartnerProfile.As2 as2 = partner.as2();
        if (as2To == null || !as2.ourAs2Id().equals(as2To.strip())) {
            refuse(exchange, context, partner, fileName, payload, AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED,
                    "AS2-To '" + as2To + "' is not the hub's AS2 id for " + partner.id() + " ('" + as2.ourAs2Id() + "')");
            return;
        }
        String problem = security(request.getEntity(), as2);
        if (problem != null) {
            refuse(exchange, context, partner, fileName, payload, problem.startsWith("not ")
                    ? AS2DispositionModifier.ERROR_INSUFFICIENT_MESSAGE_SECURITY
                    : AS2DispositionModifier.ERROR_AUTHENTICATION_FAILED, problem);
            return;
        }
        message.setHeader(EdiHubHeaders.PARTNER, partner.id());
        message.setHeader(EdiHubHeaders.CHANNEL, CHANNEL);
        message.setHeader(Exchange.FILE_NAME, fileName);
        message.setHeader(Exchange.FILE_NAME_ONLY, fileName);
        message.setHeader(Exchange.FILE_LENGTH, (long) payload.length);
        message.setBody(payload);
        LOG.info("AS2 message {} from {} ({}): {} bytes, signed by its certificate, taken in as {}", messageId,
                partner.id(), as2From, payload.length, fileName);
    }

    /**
     * Null when the message was encrypted to the hub and signed with the partner's certificate, else what is wrong:
     * "not encrypted", "not signed", or the signature not the partner's.
     */
    private String security(HttpEntity entity, PartnerProfile.As2 as2) {
        if (!(entity instanceof ApplicationPkcs7MimeEnvelopedDataEntity enveloped)) {
            return "not encrypted: the partner's messages must be signed and encrypted";
        }
        Object inner;
        try {
            inner = enveloped.getEncryptedEntity(keys.privateKey());
        } catch (HttpException e) {
            return "not decrypted with the hub's key: " + e.getMessage();
        }
        if (!(inner instanceof MultipartSignedEntity signed)) {
            return "not signed: the partner's messages must be signed and encrypted";
        }
        if (!SigningUtils.isValid(signed, new Certificate[] {as2.certificate()})) {
            return "the signature is not verified by the partner's certificate ("
                    + as2.certificate().getSubjectX500Principal().getName() + ", " + as2.certificateFile() + ")";
        }
        return null;
    }

    /**
     * Keeps the refused message (its decrypted payload) as a refused input of the partner's, or of "unknown" when no
     * partner sent it, with the reason; alerts; and makes the MDN say why.
     */
    private void refuse(Exchange exchange, HttpCoreContext context, PartnerProfile partner, String fileName, byte[] payload,
            AS2DispositionModifier modifier, String reason) {
        context.setAttribute(ResponseMDN.DISPOSITION_MODIFIER, modifier);
        exchange.setProperty(REFUSED, true);
        String partnerId = partner == null ? "unknown" : partner.id();
        Instant now = clock.instant();
        String report = "REFUSED (AS2): " + reason + "\nanswered with a negative MDN: processed/" + modifier;
        long documentId = transactions.execute(status -> {
            long id = documents.store(partnerId, CHANNEL, fileName, payload, InboundDocuments.sha256(payload),
                    OrderFormat.UNKNOWN, now);
            documents.outcome(id, "REJECTED", report);
            alerts.raise(REFUSED_ALERT, fileName, partner == null ? null : partnerId, null, null, id,
                    "AS2 message " + fileName + " refused: " + reason + "; it is kept as input " + id
                            + " and the sender got a negative MDN (" + modifier + ")");
            return id;
        });
        documents.complete(documentId);
        LOG.warn("AS2 message {} from {} refused (input {}): {}", fileName, partnerId, documentId, reason);
    }

    /**
     * An input that came over AS2 is answered over AS2: its answers (997, TA1 …) go by the delivery route like the
     * partner's other documents, rather than being written to its SFTP folder by the intake route.
     */
    public void answersOverAs2(@Header(EdiHubHeaders.DOCUMENT_ID) long documentId) {
        outbound.answersByDelivery(documentId);
    }

    static String fileName(String messageId) {
        String id = messageId == null ? "no-message-id-" + System.nanoTime() : messageId.replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("^_+|_+$", "");
        return "as2-" + (id.length() > 120 ? id.substring(0, 120) : id) + ".edi";
    }

    private static byte[] payload(Object body) {
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        if (body instanceof InputStream in) {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // X12 and EDIFACT: a character a byte
        return body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
