package io.edihub.intake;

import io.edihub.partner.PartnerDirectory;
import io.edihub.partner.PartnerProfile;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The hub's own AS2 key and certificate ({@code edihub.as2.private-key-file}, {@code certificate-file}), read and
 * checked at start when a partner has an AS2 channel: missing, unreadable, expired, not yet valid, or a key that is not
 * the certificate's stops the start naming the setting, since every message to and from that partner would fail.
 *
 * @param privateKey  decrypts what partners send, signs what the hub sends and its MDNs; null when no partner uses AS2
 * @param certificate what partners check the hub's signatures with and encrypt to; null when no partner uses AS2
 */
record As2Keys(PrivateKey privateKey, X509Certificate certificate) {

    static final As2Keys NONE = new As2Keys(null, null);
    private static final String KEY = "edihub.as2.private-key-file (EDIHUB_AS2_PRIVATE_KEY_FILE)";
    private static final String CERTIFICATE = "edihub.as2.certificate-file (EDIHUB_AS2_CERTIFICATE_FILE)";

    boolean present() {
        return privateKey != null;
    }

    /** The certificate as the chain the AS2 endpoints take. */
    Certificate[] chain() {
        return new Certificate[] {certificate};
    }

    /** The hub's key and certificate if a partner uses AS2, else {@link #NONE}; refused as said above. */
    static As2Keys load(As2Settings settings, PartnerDirectory partners, Instant now) {
        String users = partners.all().stream().filter(PartnerProfile::usesAs2).map(PartnerProfile::id).sorted()
                .reduce((a, b) -> a + ", " + b).orElse(null);
        if (users == null) {
            return NONE;
        }
        String why = " (partner " + users + " has an as2: section)";
        if (settings.privateKeyFile() == null) {
            throw new IllegalStateException(KEY + ": missing: the hub's AS2 private key, PEM" + why);
        }
        if (settings.certificateFile() == null) {
            throw new IllegalStateException(CERTIFICATE + ": missing: the hub's AS2 certificate, PEM" + why);
        }
        X509Certificate certificate = certificate(Path.of(settings.certificateFile()), now);
        PrivateKey key = privateKey(Path.of(settings.privateKeyFile()));
        if (!belongTogether(key, certificate)) {
            throw new IllegalStateException(KEY + ": the key in '" + settings.privateKeyFile() + "' is not the one of the "
                    + "certificate in '" + settings.certificateFile() + "' (" + CERTIFICATE + ")");
        }
        return new As2Keys(key, certificate);
    }

    private static X509Certificate certificate(Path file, Instant now) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(CERTIFICATE + ": '" + file + "' is missing (no such file)");
        }
        X509Certificate certificate;
        try (var in = Files.newInputStream(file)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(CERTIFICATE + ": '" + file + "' is unreadable as an X.509 certificate: "
                    + e.getMessage(), e);
        }
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new IllegalStateException(CERTIFICATE + ": the certificate in '" + file + "' expired on "
                    + certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new IllegalStateException(CERTIFICATE + ": the certificate in '" + file + "' is not valid yet: from "
                    + certificate.getNotBefore().toInstant());
        }
        return certificate;
    }

    private static PrivateKey privateKey(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(KEY + ": '" + file + "' is missing (no such file)");
        }
        Object pem;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            pem = parser.readObject();
        } catch (IOException e) {
            throw new IllegalStateException(KEY + ": '" + file + "' is unreadable: " + e.getMessage(), e);
        }
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (pem instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (pem instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (IOException e) {
            throw new IllegalStateException(KEY + ": '" + file + "' is unreadable: " + e.getMessage(), e);
        }
        throw new IllegalStateException(KEY + ": '" + file + "' holds no unencrypted private key in PEM (PKCS#8 "
                + "'BEGIN PRIVATE KEY' or PKCS#1 'BEGIN RSA PRIVATE KEY')");
    }

    /** True when what the key signs the certificate's public key verifies. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            byte[] probe = "edihub".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
