package io.edihub.intake;

import io.edihub.outbound.OutboundDocuments.MdnStatus;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.apache.camel.component.as2.api.entity.AS2DispositionModifier;
import org.apache.camel.component.as2.api.entity.AS2DispositionType;
import org.apache.camel.component.as2.api.entity.AS2MessageDispositionNotificationEntity;
import org.apache.camel.component.as2.api.entity.DispositionNotificationMultipartReportEntity;
import org.apache.camel.component.as2.api.entity.MultipartSignedEntity;
import org.apache.camel.component.as2.api.util.EntityUtils;
import org.apache.camel.component.as2.api.util.MicUtils;
import org.apache.camel.component.as2.api.util.SigningUtils;
import org.apache.hc.core5.http.ContentType;

/**
 * Reads a partner's MDN (the signed receipt for an AS2 message the hub sent) and says what it is worth: VERIFIED only
 * when the partner's certificate verifies its signature, it answers our message, says processed without an error, and
 * returns the MIC of what we signed (so the partner received exactly that). Camel's AS2 client hands the MDN over but
 * checks none of this.
 */
final class As2Receipts {

    /** The digest the hub asks partners to return its MIC in (AS2 name; the JDK's is SHA-256). */
    static final String MIC_ALGORITHM = "sha-256";

    private As2Receipts() {
    }

    /**
     * What an MDN says.
     *
     * @param originalMessageId the Message-ID of the message it answers, as the MDN says (null if it says none)
     */
    record Verdict(MdnStatus status, String detail, String originalMessageId) {
    }

    /**
     * The MIC a partner must return for a document the hub sends: the digest of the EDI part as it is signed (its MIME
     * headers and content), made the way Camel's AS2 client makes that part.
     */
    static String expectedMic(String content, String contentType) {
        try {
            byte[] signedPart = EntityUtils.getContent(EntityUtils.createEDIEntity(
                    content.getBytes(StandardCharsets.ISO_8859_1), ContentType.create(contentType, StandardCharsets.US_ASCII),
                    null, false, null));
            return Base64.getEncoder().encodeToString(MicUtils.createMic(signedPart, "SHA-256"));
        } catch (org.apache.camel.CamelException e) {
            throw new IllegalStateException("cannot make the EDI part of " + contentType, e);
        }
    }

    /** The content type a document goes under: X12, EDIFACT, or anything else (JSON answers) as EDI-consent. */
    static String contentType(String content) {
        if (content.startsWith("ISA")) {
            return "application/edi-x12";
        }
        if (content.startsWith("UNA") || content.startsWith("UNB")) {
            return "application/edifact";
        }
        return "application/edi-consent";
    }

    /** The Message-ID of the message an MDN answers, as it says, unchecked; null when it is no MDN. */
    static String originalMessageId(Object entity) {
        Object report = entity instanceof MultipartSignedEntity signed ? signed.getSignedDataEntity() : entity;
        AS2MessageDispositionNotificationEntity mdn = report instanceof DispositionNotificationMultipartReportEntity multipart
                ? notification(multipart) : null;
        return mdn == null ? null : mdn.getOriginalMessageId();
    }

    private static AS2MessageDispositionNotificationEntity notification(DispositionNotificationMultipartReportEntity report) {
        for (int i = 0; i < report.getPartCount(); i++) {
            if (report.getPart(i) instanceof AS2MessageDispositionNotificationEntity notification) {
                return notification;
            }
        }
        return null;
    }

    /**
     * @param entity            the MDN as Camel's AS2 component parsed it (signed or not), or null
     * @param partner           the partner's certificate
     * @param expectedMessageId the Message-ID of our message, or null when the MDN itself names the message (it came later)
     * @param expectedMic       the MIC of our message, or null when found by the MDN's message id later
     */
    static Verdict read(Object entity, X509Certificate partner, String expectedMessageId, String expectedMic) {
        boolean signed;
        Object report;
        if (entity instanceof MultipartSignedEntity multipartSigned) {
            signed = SigningUtils.isValid(multipartSigned, new Certificate[] {partner});
            report = multipartSigned.getSignedDataEntity();
        } else {
            signed = false;
            report = entity;
        }
        if (!(report instanceof DispositionNotificationMultipartReportEntity multipart)) {
            return new Verdict(MdnStatus.INVALID, "the answer is not an MDN: "
                    + (entity == null ? "nothing" : entity.getClass().getSimpleName()), null);
        }
        AS2MessageDispositionNotificationEntity mdn = notification(multipart);
        if (mdn == null) {
            return new Verdict(MdnStatus.INVALID, "the MDN has no disposition notification", null);
        }
        String original = mdn.getOriginalMessageId();
        AS2DispositionModifier modifier = mdn.getDispositionModifier();
        String disposition = mdn.getDispositionType() + (modifier == null ? "" : "/" + modifier);
        if (!signed) {
            return new Verdict(MdnStatus.INVALID, (entity instanceof MultipartSignedEntity
                    ? "the MDN's signature is not verified by the partner's certificate ("
                            + partner.getSubjectX500Principal().getName() + ")" : "the MDN is not signed")
                    + "; it says " + disposition, original);
        }
        if (expectedMessageId != null && !expectedMessageId.equals(original)) {
            return new Verdict(MdnStatus.INVALID, "the MDN answers message " + original + ", not ours " + expectedMessageId,
                    original);
        }
        if (mdn.getDispositionType() != AS2DispositionType.PROCESSED || (modifier != null && !modifier.isWarning())) {
            return new Verdict(MdnStatus.NEGATIVE, "the partner refused the message: " + disposition, original);
        }
        String mic = mdn.getReceivedContentMic() == null ? null : mdn.getReceivedContentMic().getEncodedMessageDigest();
        if (expectedMic != null && !expectedMic.equals(mic)) {
            return new Verdict(MdnStatus.INVALID, "the MDN's MIC " + mic + " is not the one of what we sent (" + expectedMic
                    + "): the partner did not receive it as it was sent", original);
        }
        return new Verdict(MdnStatus.VERIFIED, disposition + ", signed by " + partner.getSubjectX500Principal().getName()
                + ", MIC " + mic + " (" + MIC_ALGORITHM + ")", original);
    }
}
