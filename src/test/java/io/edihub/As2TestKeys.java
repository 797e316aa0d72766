package io.edihub;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An AS2 party's key pair and self-signed certificate (also its TLS listener's, for 127.0.0.1 and localhost), generated for a test (never committed): the hub's own, a
 * partner's, a stranger's. Written as PEM files the way an operator would get them.
 */
public record As2TestKeys(String name, PrivateKey privateKey, X509Certificate certificate) {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A 2048-bit RSA pair with a certificate valid from an hour ago for a year. */
    public static As2TestKeys generate(String name) {
        return generate(name, Instant.now().minusSeconds(3600), Instant.now().plusSeconds(365L * 24 * 3600));
    }

    public static As2TestKeys generate(String name, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + name + ", O=EDI Hub tests");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                    pair.getPublic());
            // the name the tests reach its TLS listener by: loopback
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new As2TestKeys(name, pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code <name>.crt.pem} into the folder; returns its path. */
    public Path writeCertificate(Path folder) {
        return write(folder.resolve(name + ".crt.pem"), certificate);
    }

    /** Writes {@code <name>.key.pem} (PKCS#8) into the folder; returns its path. */
    public Path writePrivateKey(Path folder) {
        try {
            return write(folder.resolve(name + ".key.pem"),
                    new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(privateKey, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, Object pemObject) {
        try {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
                pem.writeObject(pemObject);
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
